package dev.capstan.app;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Something built the first time it is asked for, once, so that a start that never needs it never pays for it. */
final class OnFirstUse<T> {
    private final Supplier<T> maker;
    private T made;

    OnFirstUse(Supplier<T> maker) {
        this.maker = maker;
    }

    synchronized T get() {
        if (made == null) {
            made = maker.get();
        }
        return made;
    }

    /** Acts on it only if it was ever made (closing it, say). */
    synchronized void ifMade(Consumer<T> action) {
        if (made != null) {
            action.accept(made);
        }
    }
}
