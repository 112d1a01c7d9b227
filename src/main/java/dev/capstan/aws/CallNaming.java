package dev.capstan.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Marks a failed call's exception with the API operation it came from (DescribeServices, CopyObject), which the
 * SDK's exceptions do not carry: a wait that rides out a fault says which call AWS refused, in AWS's own words.
 * The mark is a suppressed exception, so the exception's type (which callers catch) is left as it is.
 */
final class CallNaming implements ExecutionInterceptor {
    /** The operation's name, attached to the exception of a call that failed. */
    static final class CallName extends RuntimeException {
        CallName(String operation) {
            super(operation, null, false, false);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation != null && operationOf(failure) == null) {
            failure.addSuppressed(new CallName(operation));
        }
        return failure;
    }

    /** The operation a failed call named, or null when the exception did not come through a client of ours. */
    static String operationOf(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof CallName name) {
                return name.getMessage();
            }
        }
        return null;
    }
}
