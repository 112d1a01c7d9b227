package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies objects server-side with a bounded number in flight, saying how far it got about once a
 * second (objects, bytes, rate, time left). A cancel or the first failure stops new copies; those in
 * flight finish, since S3 either copies an object whole or not at all, and a resumed run skips them.
 */
final class ObjectCopier {
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final PublishServices services;

    ObjectCopier(PublishServices services) {
        this.services = services;
    }

    void copy(AwsTarget target, S3Uri from, S3Uri to, List<S3ObjectInfo> objects, StepContext context) throws InterruptedException {
        if (objects.isEmpty()) {
            return;
        }
        long totalBytes = objects.stream().mapToLong(S3ObjectInfo::size).sum();
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(services.concurrency());
        ExecutorService pool = Executors.newFixedThreadPool(services.concurrency(), r -> {
            Thread thread = new Thread(r, "capstan-s3-copy");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        long nextReport = started + REPORT_NANOS;
        try {
            for (S3ObjectInfo object : objects) {
                while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    nextReport = reportIfDue(context, nextReport, started, done.get(), objects.size(), bytes.get(), totalBytes);
                }
                if (failure.get() != null) {
                    inFlight.release();
                    break;
                }
                try {
                    context.checkCancelled();
                } catch (RuntimeException cancelled) {
                    inFlight.release();
                    drain(inFlight);
                    throw cancelled;
                }
                pool.execute(() -> {
                    try {
                        services.s3().copy(target, from, to, object);
                        done.incrementAndGet();
                        bytes.addAndGet(object.size());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
                nextReport = reportIfDue(context, nextReport, started, done.get(), objects.size(), bytes.get(), totalBytes);
            }
            drain(inFlight);
        } finally {
            pool.shutdownNow();
        }
        report(context, started, done.get(), objects.size(), bytes.get(), totalBytes);
        if (failure.get() != null) {
            throw new IllegalStateException("Copied " + done.get() + " of " + objects.size() + " objects, then: " + failure.get().getMessage()
                    + " Resume to copy the rest; what was copied is not copied again.", failure.get());
        }
    }

    /** Waits until every copy in flight has finished. */
    private void drain(Semaphore inFlight) throws InterruptedException {
        inFlight.acquire(services.concurrency());
        inFlight.release(services.concurrency());
    }

    private long reportIfDue(StepContext context, long nextReport, long started, int done, int total, long bytes, long totalBytes) {
        long now = System.nanoTime();
        if (now < nextReport) {
            return nextReport;
        }
        report(context, started, done, total, bytes, totalBytes);
        return now + REPORT_NANOS;
    }

    private static void report(StepContext context, long started, int done, int total, long bytes, long totalBytes) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        String left = rate <= 0 || done == total ? "" : ", about " + Sizes.seconds(Duration.ofMillis((long) ((total - done) / rate * 1000))) + " left";
        context.log("copied " + Sizes.count(done) + " of " + Sizes.count(total) + " objects, " + Sizes.bytes(bytes) + " of "
                + Sizes.bytes(totalBytes) + ", " + Math.round(rate) + " objects/s" + left);
    }
}
