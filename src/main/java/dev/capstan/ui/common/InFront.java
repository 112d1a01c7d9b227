package dev.capstan.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * When a view's model reads the environment it shows: only while the view is in front (and, for a live page,
 * again every so often while it is), and afresh when the environment changes, after forgetting everything the
 * last one showed. What is read, and that only its newest answer lands, is the model's {@link LatestRead}.
 */
public final class InFront {
    private final Runnable read;
    private final Timeline ticker;
    private boolean active;

    /**
     * @param forget clears what the model shows of an environment (and drops its reads under way)
     * @param read   reads what the view shows
     * @param every  how often to read again while in front; null for a page read only when shown or asked
     */
    public InFront(ObservableValue<?> environment, Runnable forget, Runnable read, Duration every) {
        this.read = read;
        this.ticker = every == null ? null : new Timeline(new KeyFrame(every, e -> read.run()));
        if (ticker != null) {
            ticker.setCycleCount(Timeline.INDEFINITE);
        }
        environment.addListener((obs, old, now) -> {
            forget.run();
            if (active) {
                read.run();
            }
        });
    }

    /** The view came to the front (true) or went behind another (false). */
    public void setActive(boolean active) {
        this.active = active;
        if (active) {
            read.run();
        }
        if (ticker != null) {
            if (active) {
                ticker.play();
            } else {
                ticker.stop();
            }
        }
    }
}
