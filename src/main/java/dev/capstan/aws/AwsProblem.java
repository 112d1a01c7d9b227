package dev.capstan.aws;

import java.util.Optional;

/**
 * An AWS call that failed, explained in words a person can act on; and, when a pause and another try can mend it
 * (throttling, a fault on AWS's side, a dropped connection), what happened in a few words, for the line that says
 * the next try is coming.
 */
public class AwsProblem extends RuntimeException {
    private final String passingFault;

    public AwsProblem(String message, Throwable cause) {
        this(message, cause, null);
    }

    public AwsProblem(String message, Throwable cause, String passingFault) {
        super(message, cause);
        this.passingFault = passingFault;
    }

    /** Such as "AWS throttled DescribeServices", when trying again after a pause can mend it; empty when a person must act. */
    public Optional<String> passingFault() {
        return Optional.ofNullable(passingFault);
    }

    /** What a pause and another try can mend in this failure, if it is an AWS call's failure of that kind. */
    public static Optional<String> passingFaultOf(Throwable failure) {
        if (failure instanceof AwsProblem problem) {
            return problem.passingFault();
        }
        if (failure instanceof software.amazon.awssdk.core.exception.SdkException) {
            return Optional.ofNullable(AwsErrors.passingFault(failure, "AWS"));
        }
        return Optional.empty();
    }
}
