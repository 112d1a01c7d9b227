package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ScalingGroup;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

public final class SdkAutoScalingGateway implements AutoScalingGateway {
    private final AwsClients clients;

    public SdkAutoScalingGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public ScalingGroup group(AwsTarget target, String name) {
        try {
            List<AutoScalingGroup> found = clients.autoScaling(target).describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                    .autoScalingGroups();
            if (found.isEmpty()) {
                throw new AwsProblem("There is no auto scaling group " + name + " in " + target.region()
                        + "; check autoScalingGroup in the workspace.", null);
            }
            AutoScalingGroup g = found.get(0);
            return new ScalingGroup(g.autoScalingGroupName(), g.minSize(), g.maxSize(), g.desiredCapacity(), g.instances().stream()
                    .map(i -> new ScalingGroup.Instance(i.instanceId(), i.lifecycleStateAsString(), i.healthStatus())).toList());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "describe auto scaling group " + name);
        }
    }

    @Override
    public void setDesiredCapacity(AwsTarget target, String name, int capacity) {
        try {
            clients.autoScaling(target).setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(capacity).honorCooldown(false));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "set the desired capacity of " + name);
        }
    }
}
