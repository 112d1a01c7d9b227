package dev.capstan.domain;

/** Where an AWS call goes: which profile signs it, in which region, at which endpoint (null: AWS itself). */
public record AwsTarget(String profile, String region, String endpoint) {
    public static AwsTarget of(Environment environment, AwsProfile profile) {
        String endpoint = environment.endpoint() != null ? environment.endpoint() : profile.endpointUrl();
        return new AwsTarget(environment.profile(), environment.region(), endpoint);
    }
}
