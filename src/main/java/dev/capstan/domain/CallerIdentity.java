package dev.capstan.domain;

/** Who AWS says we are (STS GetCallerIdentity). */
public record CallerIdentity(String account, String arn, String userId) {
}
