package dev.capstan.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs slow work (SDK and JDBC calls) off the FX thread and hands the result back on it, counting what
 * is under way for the status bar. In tests both executors can be the calling thread.
 *
 * <pre>work.run("Checking staging", () -> check.run(env)).onSuccess(rows::setAll).onFailure(this::show).start();</pre>
 */
public final class BackgroundWork {
    private final ExecutorService background;
    private final Executor fx;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper(this, "latest", "");

    public BackgroundWork(ExecutorService background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    public <T> Job<T> run(String description, Callable<T> work) {
        return new Job<>(description, work);
    }

    /** Runs something on the FX thread: how events from other threads (a run's progress) reach the views. */
    public void onFx(Runnable action) {
        fx.execute(action);
    }

    /** How many jobs are under way; the status bar shows a spinner while it is above zero. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the most recently started job is doing, in words. */
    public ReadOnlyStringProperty latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public final class Job<T> {
        private final String description;
        private final Callable<T> work;
        private Consumer<T> onSuccess = value -> { };
        private Consumer<Throwable> onFailure = error -> { };

        private Job(String description, Callable<T> work) {
            this.description = description;
            this.work = work;
        }

        public Job<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Job<T> onFailure(Consumer<Throwable> handler) {
            this.onFailure = handler;
            return this;
        }

        /** Starts the work; cancel the returned future to interrupt it (its result is then dropped). */
        public Future<?> start() {
            fx.execute(() -> {
                running.set(running.get() + 1);
                latest.set(description);
            });
            if (background.isShutdown()) {
                // The console is closing: work asked for now (a poll's last tick) has nowhere to run and no one to see it.
                fx.execute(() -> finish(() -> { }));
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            return background.submit(() -> {
                try {
                    T value = work.call();
                    fx.execute(() -> finish(() -> onSuccess.accept(value)));
                } catch (Exception | Error e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        fx.execute(() -> finish(() -> onFailure.accept(e)));
                    } else {
                        fx.execute(() -> finish(() -> { }));
                    }
                }
            });
        }

        private void finish(Runnable handler) {
            running.set(running.get() - 1);
            handler.run();
        }
    }
}
