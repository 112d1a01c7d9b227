package dev.capstan.domain;

/**
 * A profile from the AWS shared config and credentials files. It carries no secret: only what a
 * person needs to recognise the profile and see how it authenticates.
 *
 * @param via the source profile or credential source of an assumed role, the SSO start URL or session, or the process command
 * @param readOnly the profile carries {@code capstan_read_only = true}: Capstan refuses every change made with it
 */
public record AwsProfile(String name, ProfileKind kind, String region, String endpointUrl,
                         String roleArn, String via, boolean mfa, boolean readOnly) {
    public String kindDescription() {
        return mfa ? kind.label() + " with MFA" : kind.label();
    }
}
