package dev.capstan.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.ProfileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {
    @TempDir
    Path dir;

    @Test
    void tellsEveryKindOfProfileApartWithoutExposingSecrets() throws Exception {
        Path config = dir.resolve("config");
        Path credentials = dir.resolve("credentials");
        Files.writeString(config, """
                [default]
                region = eu-west-1

                [profile ops]
                region = us-east-1
                endpoint_url = http://127.0.0.1:4566

                [profile deployer]
                role_arn = arn:aws:iam::111122223333:role/Deployer
                source_profile = ops
                mfa_serial = arn:aws:iam::111122223333:mfa/alice

                [profile ci]
                role_arn = arn:aws:iam::111122223333:role/Ci
                credential_source = Ec2InstanceMetadata

                [profile sso-new]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin

                [profile sso-legacy]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Admin

                [profile vault]
                credential_process = /usr/local/bin/vault-creds --profile x

                [profile pod]
                role_arn = arn:aws:iam::111122223333:role/Pod
                web_identity_token_file = /var/run/token

                [profile empty]
                region = ap-south-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = AKIDEXAMPLE
                aws_secret_access_key = very-secret-key

                [ops]
                aws_access_key_id = AKIDOPS
                aws_secret_access_key = another-secret
                aws_session_token = token-secret
                """);
        ProfileCatalog catalog = new ProfileCatalog(config, credentials);
        Map<String, AwsProfile> byName = new java.util.HashMap<>();
        catalog.profiles().forEach(p -> byName.put(p.name(), p));

        assertThat(byName.get("default").kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(byName.get("default").region()).isEqualTo("eu-west-1");
        assertThat(byName.get("ops").kind()).isEqualTo(ProfileKind.SESSION_KEYS);
        assertThat(byName.get("ops").endpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(byName.get("deployer").kind()).isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(byName.get("deployer").mfa()).isTrue();
        assertThat(byName.get("deployer").kindDescription()).isEqualTo("assume role with MFA");
        assertThat(byName.get("deployer").via()).isEqualTo("source profile ops");
        assertThat(byName.get("ci").via()).isEqualTo("credential source Ec2InstanceMetadata");
        assertThat(byName.get("sso-new").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(byName.get("sso-legacy").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(byName.get("vault").kind()).isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
        assertThat(byName.get("pod").kind()).isEqualTo(ProfileKind.WEB_IDENTITY);
        assertThat(byName.get("empty").kind()).isEqualTo(ProfileKind.NO_CREDENTIALS);
        assertThat(catalog.profiles().toString()).doesNotContain("very-secret-key", "another-secret", "token-secret");
    }

    @Test
    void missingFilesMeanNoProfilesNotAFailure() {
        ProfileCatalog catalog = new ProfileCatalog(dir.resolve("none"), dir.resolve("neither"));
        assertThat(catalog.profiles()).isEmpty();
        assertThat(catalog.profile("default")).isEmpty();
    }

    @Test
    void honoursTheAwsFileVariables() {
        ProfileCatalog catalog = ProfileCatalog.fromEnvironment(Map.of("AWS_CONFIG_FILE", "/x/config", "AWS_SHARED_CREDENTIALS_FILE", "/x/creds"));
        assertThat(catalog.configFile()).isEqualTo(Path.of("/x/config"));
        assertThat(catalog.credentialsFile()).isEqualTo(Path.of("/x/creds"));
    }

    @Test
    void reloadSeesProfilesAddedSince() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile one]\nregion = us-east-1\n");
        ProfileCatalog catalog = new ProfileCatalog(config, dir.resolve("credentials"));
        Files.writeString(config, "[profile one]\nregion = us-east-1\n[profile two]\nregion = us-west-2\n");
        assertThat(catalog.profile("two")).isEmpty();
        catalog.reload();
        assertThat(catalog.profile("two")).map(AwsProfile::region).contains("us-west-2");
    }
}
