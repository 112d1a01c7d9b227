package dev.capstan.ui.common;

import dev.capstan.ops.UnfinishedRunException;
import dev.capstan.ops.lock.LockTableMissingException;
import java.util.concurrent.CompletionException;

/** What the operations refuse, said in the console: their sentence, and where in the console to act on it. */
public final class ConsoleWords {
    private ConsoleWords() {
    }

    public static String sentence(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof UnfinishedRunException) {
            return said + " Open it in Activity, then Resume or Start over.";
        }
        if (cause instanceof LockTableMissingException) {
            return said + " Activity has a button that creates it.";
        }
        return said;
    }
}
