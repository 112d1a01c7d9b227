package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns SDK exceptions into sentences that say what happened and what to do about it. */
final class AwsErrors {
    private AwsErrors() {
    }

    /** Error codes AWS services answer when a caller goes too fast: retried after a pause, they pass. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded", "BandwidthLimitExceeded",
            "SlowDown", "RequestThrottled", "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException");
    /** Error codes of a fault on AWS's side, whatever the HTTP status they came with. */
    private static final Set<String> SERVER_SIDE = Set.of("InternalFailure", "InternalError", "InternalServerError", "ServiceUnavailable",
            "ServiceUnavailableException", "ServerException", "RequestTimeout", "RequestTimeoutException", "InternalServiceError");

    static AwsProblem explain(Throwable error, AwsTarget target, String action) {
        return new AwsProblem(sentence(error, target, action), error, passingFault(error, action));
    }

    /**
     * What went wrong, in a few words, when retrying the call after a pause can mend it (throttling, a fault on AWS's side, no
     * answer, a dropped connection); null when it cannot (access denied, expired credentials, a missing resource, a bad request,
     * an endpoint that refuses connections or cannot be found: these need a person).
     */
    static String passingFault(Throwable error, String action) {
        String operation = CallNaming.operationOf(error);
        String call = operation != null ? operation : "the call to " + action;
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            if (THROTTLING.contains(code) || service.isThrottlingException()) {
                return "AWS throttled " + call;
            }
            if (service.statusCode() >= 500 || SERVER_SIDE.contains(code)) {
                return call + " failed on AWS's side (HTTP " + service.statusCode() + (code.isEmpty() || "null".equals(code) ? "" : " " + code) + ")";
            }
            return null;
        }
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return "no answer to " + call + " in time";
        }
        Throwable root = rootCause(error);
        if (error instanceof SdkClientException && root instanceof java.io.IOException
                && !(root instanceof ConnectException) && !(root instanceof UnknownHostException)) {
            return "the connection dropped during " + call;
        }
        return null;
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
                default -> "Could not " + action + ": " + (message == null && (code.isEmpty() || "null".equals(code))
                        // A stand-in that lacks the call (moto answers 500 with a page of HTML) gives neither.
                        ? "HTTP " + service.statusCode() + " with no AWS error in the answer"
                        : message + (code.isEmpty() || "null".equals(code) ? "" : " (" + code + ")"));
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
