package dev.capstan.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run's cancel: asked once (the first reason stays), it ends a pause at once through a latch rather than an
 * interrupt, since an interrupt would close the journal's channel under the run.
 */
public final class Cancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String reason;

    public void cancel(String why) {
        synchronized (cancelled) {
            if (reason == null) {
                reason = why;
            }
        }
        cancelled.countDown();
    }

    /** Sleeps, or throws {@link RunCancelledException} as soon as the run is cancelled. */
    public void pause(Duration duration) {
        check();
        try {
            cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("Capstan is shutting down");
        }
        check();
    }

    public void check() {
        if (reason != null) {
            throw new RunCancelledException(reason);
        }
    }
}
