package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.util.List;

/** The VPC pieces a Fargate task is placed in. Only reads. */
public interface NetworkGateway {
    /** Those of the subnet ids that the account does not have in the target's region. */
    List<String> missingSubnets(AwsTarget target, List<String> subnetIds);

    /** Those of the security group ids that the account does not have in the target's region. */
    List<String> missingSecurityGroups(AwsTarget target, List<String> groupIds);
}
