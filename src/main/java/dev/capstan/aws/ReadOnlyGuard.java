package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.ChangeRefusedException;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Sits in the chain of every client built for a read-only target and stops any call that could change
 * something before it is signed or sent. It allows by name what only reads and refuses the rest, so an
 * operation added to the SDK later is refused until someone decides it is harmless.
 */
final class ReadOnlyGuard implements ExecutionInterceptor {
    private static final Set<String> READING_PREFIXES = Set.of(
            "Describe", "List", "Get", "BatchGet", "Head", "Filter", "Lookup", "Search", "Select", "Query", "Scan");
    /** Reads whose names do not say so. */
    private static final Set<String> READING_OPERATIONS = Set.of("StartLiveTail", "StartQuery", "StopQuery", "TestConnection");

    private final AwsTarget target;

    ReadOnlyGuard(AwsTarget target) {
        this.target = target;
    }

    static boolean onlyReads(String operation) {
        return READING_OPERATIONS.contains(operation) || READING_PREFIXES.stream().anyMatch(operation::startsWith);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!onlyReads(operation)) {
            throw new ChangeRefusedException("Refused " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " " + operation
                    + ": profile " + target.profile() + " in " + target.region()
                    + " is used read-only here (readOnly in the workspace or " + ProfileCatalog.READ_ONLY_PROPERTY
                    + " in the AWS config); nothing was sent.");
        }
    }
}
