package dev.capstan.aws;

import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.ProfileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the AWS shared config and credentials files, read by the SDK's own parser so that
 * Capstan sees exactly what the CLI and the SDK see. Secrets are read by the SDK and never leave it.
 */
public final class ProfileCatalog {
    /** A key of Capstan's own in a profile's section of ~/.aws/config; the AWS tools ignore keys they do not know. */
    public static final String READ_ONLY_PROPERTY = "capstan_read_only";
    private final Path configFile;
    private final Path credentialsFile;
    private volatile ProfileFile profileFile;

    public ProfileCatalog(Path configFile, Path credentialsFile) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        reload();
    }

    /** The files the AWS CLI would use: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials. */
    public static ProfileCatalog fromEnvironment(Map<String, String> env) {
        Path aws = Path.of(System.getProperty("user.home"), ".aws");
        return new ProfileCatalog(
                pathOr(env.get("AWS_CONFIG_FILE"), aws.resolve("config")),
                pathOr(env.get("AWS_SHARED_CREDENTIALS_FILE"), aws.resolve("credentials")));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** Reads the files again, for a person who has just run `aws configure` or `aws sso login`. */
    public void reload() {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(configFile)) {
            aggregator.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentialsFile)) {
            aggregator.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        }
        profileFile = aggregator.build();
    }

    public Path configFile() {
        return configFile;
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    ProfileFile profileFile() {
        return profileFile;
    }

    public List<AwsProfile> profiles() {
        return profileFile.profiles().values().stream()
                .map(ProfileCatalog::describe)
                .sorted(Comparator.comparing(AwsProfile::name))
                .toList();
    }

    public Optional<AwsProfile> profile(String name) {
        return profileFile.profile(name).map(ProfileCatalog::describe);
    }

    private static AwsProfile describe(Profile profile) {
        Map<String, String> p = profile.properties();
        ProfileKind kind;
        String via = null;
        if (p.containsKey("sso_session") || p.containsKey(ProfileProperty.SSO_START_URL)) {
            kind = ProfileKind.SSO;
            via = p.getOrDefault(ProfileProperty.SSO_START_URL, "session " + p.get("sso_session"));
        } else if (p.containsKey(ProfileProperty.ROLE_ARN) && p.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
            kind = ProfileKind.WEB_IDENTITY;
            via = p.get(ProfileProperty.WEB_IDENTITY_TOKEN_FILE);
        } else if (p.containsKey(ProfileProperty.ROLE_ARN)) {
            kind = ProfileKind.ASSUME_ROLE;
            via = p.containsKey(ProfileProperty.SOURCE_PROFILE)
                    ? "source profile " + p.get(ProfileProperty.SOURCE_PROFILE)
                    : "credential source " + p.get(ProfileProperty.CREDENTIAL_SOURCE);
        } else if (p.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) {
            kind = ProfileKind.CREDENTIAL_PROCESS;
            via = p.get(ProfileProperty.CREDENTIAL_PROCESS);
        } else if (p.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)) {
            kind = p.containsKey(ProfileProperty.AWS_SESSION_TOKEN) ? ProfileKind.SESSION_KEYS : ProfileKind.STATIC_KEYS;
        } else {
            kind = ProfileKind.NO_CREDENTIALS;
        }
        return new AwsProfile(profile.name(), kind, p.get(ProfileProperty.REGION), p.get(ProfileProperty.ENDPOINT_URL),
                p.get(ProfileProperty.ROLE_ARN), via, p.containsKey("mfa_serial"),
                "true".equalsIgnoreCase(p.get(READ_ONLY_PROPERTY)));
    }
}
