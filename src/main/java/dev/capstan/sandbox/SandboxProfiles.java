package dev.capstan.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The AWS config and credentials files of a sandbox: one profile with dummy keys aimed at moto, and an
 * SSO profile that was never logged in, so the Profiles view shows how an expired session reads.
 */
public final class SandboxProfiles {
    private SandboxProfiles() {
    }

    public static void write(Path config, Path credentials, String endpoint) throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile %1$s]
                region = %2$s
                endpoint_url = %3$s

                [profile %1$s-sso]
                sso_session = capstan-sandbox
                sso_account_id = 123456789012
                sso_role_name = ReadOnly
                region = %2$s

                [sso-session capstan-sandbox]
                sso_start_url = https://capstan-sandbox.awsapps.example/start
                sso_region = %2$s
                """.formatted(SandboxEstate.PROFILE, SandboxEstate.REGION, endpoint));
        Files.writeString(credentials, """
                [%s]
                aws_access_key_id = sandbox
                aws_secret_access_key = sandbox
                """.formatted(SandboxEstate.PROFILE));
    }
}
