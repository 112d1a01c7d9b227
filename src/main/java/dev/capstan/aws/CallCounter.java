package dev.capstan.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the AWS requests that went onto the wire, by operation: how the views' economy is measured. */
public final class CallCounter implements ExecutionInterceptor {
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong()).incrementAndGet();
    }

    public Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        sent.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    /** Requests that could change something: every operation but those {@link ReadOnlyGuard} lets a read-only profile send. */
    public long changes() {
        return counts().entrySet().stream().filter(e -> !ReadOnlyGuard.onlyReads(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    public long total() {
        return sent.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void reset() {
        sent.clear();
    }
}
