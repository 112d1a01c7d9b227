package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/** Looks ids up with filters rather than by id, so a missing one comes back as absent instead of failing the whole call. */
public final class SdkNetworkGateway implements NetworkGateway {
    private final AwsClients clients;

    public SdkNetworkGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> missingSubnets(AwsTarget target, List<String> subnetIds) {
        if (subnetIds.isEmpty()) {
            return List.of();
        }
        try {
            List<String> missing = new ArrayList<>(subnetIds);
            clients.ec2(target).describeSubnets(r -> r.filters(f -> f.name("subnet-id").values(subnetIds)))
                    .subnets().forEach(s -> missing.remove(s.subnetId()));
            return missing;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look up subnets " + String.join(", ", subnetIds));
        }
    }

    @Override
    public List<String> missingSecurityGroups(AwsTarget target, List<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        try {
            List<String> missing = new ArrayList<>(groupIds);
            clients.ec2(target).describeSecurityGroups(r -> r.filters(f -> f.name("group-id").values(groupIds)))
                    .securityGroups().forEach(g -> missing.remove(g.groupId()));
            return missing;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look up security groups " + String.join(", ", groupIds));
        }
    }
}
