package dev.capstan.cli;

import dev.capstan.ops.NotConfirmedException;
import dev.capstan.ops.UnfinishedRunException;
import dev.capstan.ops.lock.LockTableMissingException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the operations refuse, said on the command line: their sentence, and how to act on it with this CLI. */
final class CliWords {
    private CliWords() {
    }

    static String sentence(Throwable error) {
        Throwable cause = (error instanceof ExecutionException || error instanceof CompletionException) && error.getCause() != null
                ? error.getCause() : error;
        String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof UnfinishedRunException unfinished) {
            String id = unfinished.unfinished().id();
            return said + " Resume: capstan runs resume " + id + ". Start over: capstan runs abandon " + id + ", then run again.";
        }
        if (cause instanceof LockTableMissingException missing) {
            String key = missing.spot().key();
            return said + " To create it: capstan lock create-table --env " + key.substring(key.lastIndexOf('@') + 1) + ".";
        }
        if (cause instanceof NotConfirmedException refused && refused.nameToType() != null) {
            return said + " On the command line: --yes --confirm-env " + refused.nameToType() + ".";
        }
        return said;
    }
}
