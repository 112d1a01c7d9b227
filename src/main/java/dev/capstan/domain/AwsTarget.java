package dev.capstan.domain;

/**
 * Where an AWS call goes: which profile signs it, in which region, at which endpoint (null: AWS itself),
 * and whether changes are forbidden there. A read-only target gets clients that refuse every mutating call.
 */
public record AwsTarget(String profile, String region, String endpoint, boolean readOnly) {
    public AwsTarget(String profile, String region, String endpoint) {
        this(profile, region, endpoint, false);
    }

    public static AwsTarget of(Environment environment, AwsProfile profile) {
        String endpoint = environment.endpoint() != null ? environment.endpoint() : profile.endpointUrl();
        return new AwsTarget(environment.profile(), environment.region(), endpoint, environment.readOnly() || profile.readOnly());
    }
}
