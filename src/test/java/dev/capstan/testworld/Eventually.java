package dev.capstan.testworld;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something another thread or process brings about; the two minutes are a guard against a hung test, not a measure. */
public final class Eventually {
    private Eventually() {
    }

    public static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 2 min");
            }
            Thread.sleep(20);
        }
    }
}
