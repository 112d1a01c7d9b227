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

    /** The ARN AWS sees the environment's calls made as (one STS call). */
    public String callerArn(Environment environment) {
        return identity.callerIdentity(of(environment)).arn();
    }
}
