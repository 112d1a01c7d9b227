package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns SDK exceptions into sentences that say what happened and what to do about it. */
final class AwsErrors {
    private AwsErrors() {
    }

    static AwsProblem explain(Throwable error, AwsTarget target, String action) {
        return new AwsProblem(sentence(error, target, action), error);
    }

    private static String sentence(Throwable error, AwsTarget target, String action) {
        String profile = target.profile();
        String where = target.endpoint() != null ? target.endpoint() : "AWS in " + target.region();
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            return switch (code) {
                case "ExpiredToken", "ExpiredTokenException", "RequestExpired" ->
                        "The credentials of profile " + profile + " have expired; refresh them (for SSO: aws sso login --profile " + profile + ") and try again.";
                case "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidAccessKeyId" ->
                        "AWS does not accept the keys of profile " + profile + " (" + code + "); check them with aws configure --profile " + profile + ".";
                case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation" ->
                        "Profile " + profile + " may not " + action + ": " + message;
                case "Throttling", "ThrottlingException", "TooManyRequestsException" ->
                        "AWS is throttling calls to " + action + "; wait a moment and try again.";
                default -> "Could not " + action + ": " + message + (code.isEmpty() ? "" : " (" + code + ")");
            };
        }
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return "No answer from " + where + " in time while trying to " + action + "; check the network or VPN and try again.";
        }
        Throwable root = rootCause(error);
        if (root instanceof ConnectException) {
            return "Could not reach " + where + " (connection refused) to " + action + ". Is the endpoint running?";
        }
        if (root instanceof UnknownHostException) {
            return "Could not resolve the host of " + where + " to " + action + "; check the network, VPN or endpoint URL.";
        }
        String message = String.valueOf(error.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("sso") && (lower.contains("expired") || lower.contains("token") || lower.contains("login"))) {
            return "The SSO session of profile " + profile + " has expired or was never started: run aws sso login --profile " + profile + ", then try again.";
        }
        if (error instanceof SdkClientException && (lower.contains("unable to load credentials") || lower.contains("no credentials")
                || lower.contains("profile file contained no credentials"))) {
            return "Profile " + profile + " has no usable credentials; add keys, a role or an SSO setting to it in the AWS config files.";
        }
        return "Could not " + action + ": " + message;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
