package dev.capstan.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How every AWS client is built. Real AWS gets retries; a stand-in such as moto gets none, because it
 * answers an unimplemented call with HTTP 500, which the SDK would retry to no purpose.
 */
public record AwsClientSettings(Duration apiCallTimeout, Duration apiCallAttemptTimeout, int maxAttempts,
                                List<ExecutionInterceptor> interceptors) {
    public AwsClientSettings {
        interceptors = List.copyOf(interceptors);
    }

    public static AwsClientSettings forAws() {
        return new AwsClientSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), 3, List.of());
    }

    /** Retries off: a stand-in answers what it lacks with HTTP 500, which retrying cannot mend. */
    public static AwsClientSettings forLocalStandIn() {
        return new AwsClientSettings(Duration.ofSeconds(30), Duration.ofSeconds(15), 1, List.of());
    }

    public AwsClientSettings withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> more = new java.util.ArrayList<>(interceptors);
        more.add(interceptor);
        return new AwsClientSettings(apiCallTimeout, apiCallAttemptTimeout, maxAttempts, more);
    }
}
