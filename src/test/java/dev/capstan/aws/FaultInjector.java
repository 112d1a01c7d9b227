package dev.capstan.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test-only SDK interceptor that makes chosen operations fail before they leave the process: with an
 * AWS error code (throttling, expired token, 5xx) or a timeout. Every call is also counted by operation.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private record Fault(String code, int status, boolean timeout, AtomicInteger remaining) {
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<SdkRequest>> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lostAnswers = new ConcurrentHashMap<>();

    /** The next {@code times} calls of the operation (such as "GetCallerIdentity") fail with the error code. */
    public void failWith(String operation, String code, int status, int times) {
        faults.put(operation, new Fault(code, status, false, new AtomicInteger(times)));
    }

    public void timeOut(String operation, int times) {
        faults.put(operation, new Fault(null, 0, true, new AtomicInteger(times)));
    }

    /** The next {@code times} calls of the operation reach the server and do their work, but their answer is lost on the way back. */
    public void loseAnswer(String operation, int times) {
        lostAnswers.put(operation, new AtomicInteger(times));
    }

    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** How many requests of the operation went onto the wire (interceptors earlier in the chain may stop a call). */
    public int sent(String operation) {
        AtomicInteger count = sent.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Every operation that went onto the wire, with how often. */
    public Map<String, Integer> sentOperations() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        sent.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    /** The requests of the operation that went onto the wire, in order. */
    public java.util.List<SdkRequest> requests(String operation) {
        return java.util.List.copyOf(requests.getOrDefault(operation, java.util.List.of()));
    }

    public void clear() {
        requests.clear();
        lostAnswers.clear();
        faults.clear();
        calls.clear();
        sent.clear();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        sent.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        requests.computeIfAbsent(operation, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(context.request());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        AtomicInteger lost = lostAnswers.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (lost != null && lost.getAndDecrement() > 0) {
            throw software.amazon.awssdk.core.exception.SdkClientException.create("Injected: the connection closed before the answer arrived");
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.get(operation);
        if (fault == null || fault.remaining().getAndDecrement() <= 0) {
            return;
        }
        if (fault.timeout()) {
            throw ApiCallAttemptTimeoutException.create(1000);
        }
        throw AwsServiceException.builder()
                .statusCode(fault.status())
                .message("Injected " + fault.code())
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(fault.code()).errorMessage("Injected " + fault.code())
                        .serviceName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).build())
                .build();
    }
}
