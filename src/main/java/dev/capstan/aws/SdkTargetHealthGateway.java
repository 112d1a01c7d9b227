package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TargetGroupInfo;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

public final class SdkTargetHealthGateway implements TargetHealthGateway {
    private final AwsClients clients;

    public SdkTargetHealthGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<TargetGroupInfo.Target> health(AwsTarget target, String targetGroupArn) {
        try {
            return clients.elb(target).describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions().stream()
                    .map(d -> new TargetGroupInfo.Target(d.target().id(), d.target().port(), d.targetHealth().stateAsString(),
                            d.targetHealth().reasonAsString(), d.targetHealth().description()))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the health of target group " + TargetHealthGateway.name(targetGroupArn));
        }
    }
}
