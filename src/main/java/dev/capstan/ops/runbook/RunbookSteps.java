package dev.capstan.ops.runbook;

import dev.capstan.ops.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the three kinds of runbook step share. */
final class RunbookSteps {
    static final String STARTED_AT = "runbookStartedAt";
    private static final Duration POLL = Duration.ofMillis(500);

    private RunbookSteps() {
    }

    /** When the runbook run began, journaled by whichever step comes first: what "since the deploy" means to a check. */
    static Instant startedAt(StepContext context, Instant now) {
        return Instant.parse(context.rememberOnce(STARTED_AT, now.toString()));
    }

    /** Waits for a person's answer, waking for cancel; the answer's own failure comes back as its cause. */
    static <T> T await(StepContext context, CompletableFuture<T> answer) throws Exception {
        while (true) {
            context.checkCancelled();
            try {
                return answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                context.pause(Duration.ZERO);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
