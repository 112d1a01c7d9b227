package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CallerIdentity;

/** Who a profile is, according to AWS. */
public interface IdentityGateway {
    /** Calls STS GetCallerIdentity; throws {@link AwsProblem} with an actionable message on failure. */
    CallerIdentity callerIdentity(AwsTarget target);
}
