package dev.capstan.domain;

/** How an AWS profile gets its credentials, in the words a person would use. */
public enum ProfileKind {
    STATIC_KEYS("static keys"),
    SESSION_KEYS("temporary session keys"),
    ASSUME_ROLE("assume role"),
    SSO("SSO / IAM Identity Center"),
    CREDENTIAL_PROCESS("credential process"),
    WEB_IDENTITY("web identity"),
    NO_CREDENTIALS("no credentials");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
