package dev.capstan.ops.verify;

import dev.capstan.domain.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One automated verification (the checks that confirm a deploy worked): it only reads, and says
 * what it looked at whether it passes or fails.
 */
public interface Check {
    String kind();

    /** The parameters it takes; a runbook naming another is refused when the check runs. */
    Set<String> parameters();

    /** What it will look at, as a sentence for a plan or a checklist. */
    String describe(Environment environment, Map<String, String> with);

    /**
     * @param since when the runbook run began: what "since the deploy" means unless the parameters say otherwise
     */
    CheckOutcome run(Environment environment, Map<String, String> with, Instant since) throws Exception;
}
