package dev.capstan.cli;

import dev.capstan.domain.Runbook;
import dev.capstan.ops.ConfirmationRequest;
import dev.capstan.ops.Decision;
import dev.capstan.ops.runbook.Attendant;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/**
 * A runbook walked in a terminal: a manual step's text is printed and the person answers y to tick it
 * (and types the note it asks for); an operation's plan is printed and confirmed as any CLI operation's.
 * {@code --yes} confirms plans but never ticks a manual step: the run stops there, to be resumed.
 */
final class TerminalAttendant implements Attendant {
    private final CapstanCommand root;
    private final OperationDriver driver;
    private final PrintWriter out;

    TerminalAttendant(CapstanCommand root, OperationDriver driver, PrintWriter out) {
        this.root = root;
        this.driver = driver;
        this.out = out;
    }

    @Override
    public CompletableFuture<Tick> tick(String runId, Runbook.Manual step, String text) {
        out.println();
        text.strip().lines().forEach(line -> out.println("    > " + line));
        if (root.yes) {
            out.flush();
            return CompletableFuture.failedFuture(new IllegalStateException("\"" + step.title() + "\" is a manual step and --yes never ticks one; "
                    + "run capstan runs resume " + runId + " without --yes (or tick it in the console) once it is done."));
        }
        try {
            out.print("    Done? [y/N] ");
            out.flush();
            String answer = root.input.readLine();
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
                return CompletableFuture.failedFuture(new IllegalStateException("\"" + step.title() + "\" was not ticked; resume with capstan runs resume "
                        + runId + " when it is done."));
            }
            String note = "";
            if (!step.noteLabel().isEmpty()) {
                out.print("    " + step.noteLabel() + ": ");
                out.flush();
                String typed = root.input.readLine();
                note = typed == null ? "" : typed;
            }
            return CompletableFuture.completedFuture(new Tick(note));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Decision> ask(ConfirmationRequest request) {
        try {
            driver.printPlan(request.plan(), request.environment());
            return CompletableFuture.completedFuture(driver.confirm(request));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
