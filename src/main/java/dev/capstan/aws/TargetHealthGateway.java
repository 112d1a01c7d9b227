package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.TargetGroupInfo;
import java.util.List;

/** The health of one target group's targets, each with the reason ELB gives. Only reads. */
public interface TargetHealthGateway {
    List<TargetGroupInfo.Target> health(AwsTarget target, String targetGroupArn);

    /** The group's name, from its ARN ({@code …:targetgroup/NAME/id}), for sentences. */
    static String name(String targetGroupArn) {
        String[] parts = targetGroupArn.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : targetGroupArn;
    }
}
