package dev.capstan.ops.publish;

import dev.capstan.aws.AwsProblem;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.S3ObjectInfo;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Patience;
import dev.capstan.ops.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies objects server-side, as many at a time as S3 lets it ({@link CopyWindow}), saying how far it got about once a
 * second (objects, bytes, rate, time left, copies at a time). A copy S3 refuses for a reason a pause can mend (SlowDown,
 * a 503, a dropped connection) narrows the window and is tried again after a growing pause, for up to the run's patience
 * budget: a burst slows a publish down rather than stopping it. A cancel, or a copy that still fails, stops new copies;
 * those in flight finish, since S3 either copies an object whole or not at all, and a resumed run skips them.
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
        Progress progress = new Progress(objects.size(), objects.stream().mapToLong(S3ObjectInfo::size).sum());
        CopyWindow window = new CopyWindow(services.concurrency());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(objects.size());
        ExecutorService pool = Executors.newFixedThreadPool(services.concurrency(), r -> {
            Thread thread = new Thread(r, "capstan-s3-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (S3ObjectInfo object : objects) {
                pool.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            if (copyPatiently(target, from, to, object, window, context, () -> failure.get() != null)) {
                                progress.copied(object.size());
                            }
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure.compareAndSet(null, new IllegalStateException("The copy was interrupted", e));
                    } finally {
                        finished.countDown();
                    }
                });
            }
            while (!finished.await(100, TimeUnit.MILLISECONDS)) {
                progress.reportIfDue(context, window.size());
            }
        } finally {
            pool.shutdownNow();
        }
        progress.report(context, window.size());
        RuntimeException first = failure.get();
        if (first instanceof dev.capstan.ops.RunCancelledException cancelled) {
            throw cancelled;
        }
        if (first != null) {
            throw new IllegalStateException("Copied " + progress.done.get() + " of " + objects.size() + " objects, then: " + first.getMessage()
                    + " Resume to copy the rest; what was copied is not copied again.", first);
        }
    }

    /**
     * One object, tried again after a pause while S3's refusals are of the passing kind and the patience budget lasts.
     * @return false when another copy failed while this one waited for room, so it was not made
     */
    private boolean copyPatiently(AwsTarget target, S3Uri from, S3Uri to, S3ObjectInfo object, CopyWindow window, StepContext context,
                                  java.util.function.BooleanSupplier stopped) throws InterruptedException {
        Patience patience = context.patience();
        Instant firstFailure = null;
        for (int failures = 1; ; failures++) {
            context.checkCancelled();
            long round = window.enter();
            if (stopped.getAsBoolean()) {
                window.left();
                return false;
            }
            try {
                services.s3().copy(target, from, to, object);
                window.passed();
                return true;
            } catch (RuntimeException e) {
                Optional<String> fault = AwsProblem.passingFaultOf(e);
                if (fault.isEmpty()) {
                    window.left();
                    throw e;
                }
                if (window.slowedDown(round)) {
                    context.log("S3 asked to slow down (" + fault.get() + "): " + window.size() + " copies at a time from now on");
                }
                Instant now = patience.clock().instant();
                firstFailure = firstFailure == null ? now : firstFailure;
                if (Duration.between(firstFailure, now).compareTo(patience.budget()) >= 0) {
                    throw new IllegalStateException(e.getMessage() + " S3 kept refusing it for " + dev.capstan.ops.Wait.human(patience.budget()) + ".", e);
                }
                context.pause(patience.pauseAfter(failures, patience.first()));
            }
        }
    }

    /** Objects and bytes copied so far, and the line that says so about once a second. */
    private static final class Progress {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();
        private final int total;
        private final long totalBytes;
        private final long started = System.nanoTime();
        private volatile long nextReport = started + REPORT_NANOS;

        Progress(int total, long totalBytes) {
            this.total = total;
            this.totalBytes = totalBytes;
        }

        void copied(long size) {
            done.incrementAndGet();
            bytes.addAndGet(size);
        }

        void reportIfDue(StepContext context, int atATime) {
            long now = System.nanoTime();
            if (now >= nextReport) {
                report(context, atATime);
                nextReport = now + REPORT_NANOS;
            }
        }

        void report(StepContext context, int atATime) {
            int copied = done.get();
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = copied / seconds;
            String left = rate <= 0 || copied == total ? "" : ", about " + Sizes.seconds(Duration.ofMillis((long) ((total - copied) / rate * 1000))) + " left";
            context.log("copied " + Sizes.count(copied) + " of " + Sizes.count(total) + " objects, " + Sizes.bytes(bytes.get()) + " of "
                    + Sizes.bytes(totalBytes) + ", " + Math.round(rate) + " objects/s" + left + ", " + atATime + " at a time");
        }
    }
}
