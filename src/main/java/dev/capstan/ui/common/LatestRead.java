package dev.capstan.ui.common;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * One model's reads of one thing (the clusters, a cluster, the colours) where only the newest request
 * counts. Each read carries a generation and the subject it was asked for (the environment, and whatever
 * else names what is read); its result or error lands only if no newer read was started since and the
 * subject is still the same. So a slow read of one environment is never shown after the environment
 * changed, whichever listener runs first, and a view's state is never another environment's.
 *
 * <p>A timer's tick calls {@link #refresh}, which asks nothing while a read of the same subject is under
 * way (its answer will be as new); anything that changes what is wanted calls {@link #read}. FX thread only.
 *
 * <pre>clusters.read("Listing clusters", () -> reader.clusters(env), this::show, this::showError);</pre>
 */
public final class LatestRead {
    private final BackgroundWork work;
    private final List<ObservableValue<?>> subject;
    private long generation;
    /** The subject of the read under way, or null when none is. */
    private List<Object> underWay;

    /** @param subject what a result must still be about to be shown (the environment first), compared when a read starts and when it lands */
    public LatestRead(BackgroundWork work, ObservableValue<?>... subject) {
        this.work = work;
        this.subject = List.of(subject);
    }

    private List<Object> subjectNow() {
        return Arrays.asList(subject.stream().map(ObservableValue::getValue).toArray());
    }

    /** Starts a read; whatever earlier read is still under way will be dropped when it answers. */
    public <T> void read(String description, Callable<T> read, Consumer<T> show, Consumer<Throwable> failed) {
        long mine = ++generation;
        List<Object> about = subjectNow();
        underWay = about;
        work.run(description, read)
                .onSuccess(value -> land(mine, about, () -> show.accept(value)))
                .onFailure(error -> land(mine, about, () -> failed.accept(error)))
                .start();
    }

    /** A read of the same again (a tick, F5): skipped while one of the current subject is under way. */
    public <T> void refresh(String description, Callable<T> read, Consumer<T> show, Consumer<Throwable> failed) {
        if (underWay != null && underWay.equals(subjectNow())) {
            return;
        }
        read(description, read, show, failed);
    }

    /** Whatever is under way is no longer wanted (the view emptied itself): its answer is dropped. */
    public void drop() {
        generation++;
        underWay = null;
    }

    /** True while a read whose answer would still be shown is under way. */
    public boolean isUnderWay() {
        return underWay != null && underWay.equals(subjectNow());
    }

    private void land(long mine, List<Object> about, Runnable shown) {
        if (mine != generation) {
            return;
        }
        underWay = null;
        if (about.equals(subjectNow())) {
            shown.run();
        }
    }
}
