package dev.capstan.ops;

import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;

/** Turns an environment into the AWS target its calls go to, and says who those calls are made as. */
public final class Targets {
    private final ProfileCatalog profiles;
    private final IdentityGateway identity;

    public Targets(ProfileCatalog profiles, IdentityGateway identity) {
        this.profiles = profiles;
        this.identity = identity;
    }

    public AwsTarget of(Environment environment) {
        AwsProfile profile = profiles.profile(environment.profile()).orElseThrow(() -> new IllegalArgumentException(
                "Environment " + environment.name() + " uses profile " + environment.profile() + ", which is not in "
                        + profiles.configFile() + " or " + profiles.credentialsFile() + "; add it with aws configure --profile "
                        + environment.profile() + "."));
        return AwsTarget.of(environment, profile);
    }

    /**
     * The ARN AWS sees the environment's calls made as (one STS call). Against a local stand-in (an
     * environment with an endpoint) that has no STS, such as S3Proxy, the journal says so instead of
     * refusing the run; against AWS itself an unknown caller refuses it.
     */
    public String callerArn(Environment environment) {
        try {
            return identity.callerIdentity(of(environment)).arn();
        } catch (RuntimeException e) {
            if (environment.endpoint() == null) {
                throw e;
            }
            return "unknown (the endpoint " + environment.endpoint() + " did not answer STS: " + e.getMessage() + ")";
        }
    }
}
