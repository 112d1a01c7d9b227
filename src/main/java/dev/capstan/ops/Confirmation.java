package dev.capstan.ops;

import java.util.concurrent.CompletableFuture;

/** Asks a person to confirm: the GUI completes the future from a dialog, the CLI from --yes or a prompt. */
@FunctionalInterface
public interface Confirmation {
    CompletableFuture<Decision> ask(ConfirmationRequest request);
}
