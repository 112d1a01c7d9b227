package dev.capstan.testworld;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Test-only SDK interceptor that holds the requests to one region, or of one operation, until released: AWS
 * made slow on purpose, so a test can switch environments while one environment's read is still under way,
 * or photograph a run in a state it would otherwise pass through too quickly. Other requests pass at once.
 */
public final class WireGate implements ExecutionInterceptor {
    /** What is held: "region us-east-1" or "operation StopTask"; null when nothing is. */
    private volatile String held;
    private volatile CountDownLatch open = new CountDownLatch(0);
    private final Semaphore arrivals = new Semaphore(0);
    private final Semaphore answered = new Semaphore(0);
    private final ThreadLocal<Boolean> wasHeld = ThreadLocal.withInitial(() -> false);

    /** From now on, requests to the region wait until {@link #release()}. */
    public void hold(String region) {
        holding("region " + region);
    }

    /** From now on, requests of the operation (StopTask, say) wait until {@link #release()}. */
    public void holdOperation(String operation) {
        holding("operation " + operation);
    }

    private void holding(String what) {
        arrivals.drainPermits();
        open = new CountDownLatch(1);
        held = what;
    }

    /** Waits until a request to the held region is being held (a guard of two minutes against a hung test). */
    public void awaitHeldRequest() throws InterruptedException {
        if (!arrivals.tryAcquire(2, TimeUnit.MINUTES)) {
            throw new AssertionError("No request (" + held + ") arrived at the gate");
        }
    }

    /** Waits until a request that was held has had its answer (a guard of two minutes against a hung test). */
    public void awaitHeldAnswered() throws InterruptedException {
        if (!answered.tryAcquire(2, TimeUnit.MINUTES)) {
            throw new AssertionError("No held request was answered");
        }
    }

    /** Lets every held request go on, and holds no more. */
    public void release() {
        held = null;
        open.countDown();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String holding = held;
        CountDownLatch gate = open;
        if (holding == null || !(holding.equals("region " + (region == null ? "" : region.id())) || holding.equals("operation " + operation))) {
            return;
        }
        arrivals.release();
        wasHeld.set(true);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("Interrupted while held at the test's region gate").build();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        answeredIfHeld();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        answeredIfHeld();
    }

    private void answeredIfHeld() {
        if (wasHeld.get()) {
            wasHeld.set(false);
            answered.release();
        }
    }
}
