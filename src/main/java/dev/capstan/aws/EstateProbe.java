package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import java.util.List;

/** Checks, field by field, that what an environment names in the workspace exists in AWS. Only reads. */
public interface EstateProbe {
    List<CheckResult> check(Environment environment, AwsTarget target);
}
