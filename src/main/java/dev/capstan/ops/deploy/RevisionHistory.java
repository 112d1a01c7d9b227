package dev.capstan.ops.deploy;

import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deploys and rollbacks of revisions to an environment (rolled out by ECS, or through CodeDeploy), from the journals,
 * and the last known good revision a rollback goes to.
 */
public final class RevisionHistory {
    private final RunStore runs;
    private final Set<String> deployTypes;
    private final Set<String> rollbackTypes;

    /** @param deployTypes the operation types that deploy a revision; {@code rollbackTypes} those that deploy one back */
    public RevisionHistory(RunStore runs, Set<String> deployTypes, Set<String> rollbackTypes) {
        this.runs = runs;
        this.deployTypes = Set.copyOf(deployTypes);
        this.rollbackTypes = Set.copyOf(rollbackTypes);
    }

    /**
     * One deploy or rollback: who ran it and when, the image and revision it deployed, what ran before it, how it ended.
     * {@code revision} is null when the run failed before it registered one.
     */
    public record Deployed(String runId, boolean rollback, String who, Instant when, String image, String revision, String before,
                           RunOutcome outcome, String error) {
        public boolean succeeded() {
            return outcome == RunOutcome.SUCCEEDED;
        }
    }

    /** Newest first. */
    public List<Deployed> deploys(String environment) {
        return runs.summaries(environment).stream()
                .filter(r -> deployTypes.contains(r.operationType()) || rollbackTypes.contains(r.operationType()))
                .map(this::deployed).toList();
    }

    private Deployed deployed(RunSummary r) {
        return new Deployed(r.id(), rollbackTypes.contains(r.operationType()), r.osUser(),
                r.finishedAt() != null ? r.finishedAt() : r.startedAt(), r.parameters().get("image"),
                r.fact(LocalCommand.NEW_REVISION).orElse(r.parameters().get("revision")),
                r.fact(RegisterRevision.BASE_TASK_DEFINITION).orElse(null), r.outcome(), r.error());
    }

    /**
     * The newest revision this service ran well that is not {@code serving}: a revision counts as good when its latest deploy
     * (or rollback) succeeded; one whose latest deploy failed or was rolled back does not, whatever came before. The revision
     * that ran before the first deploy in the journals counts as good unless a deploy of it failed since.
     */
    public Optional<String> lastKnownGood(String environment, String serving) {
        List<Deployed> newestFirst = deploys(environment).stream().filter(d -> d.outcome() != RunOutcome.RUNNING).toList();
        Map<String, Boolean> verdict = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();
        for (Deployed d : newestFirst) {
            if (d.revision() != null && !verdict.containsKey(d.revision())) {
                verdict.put(d.revision(), d.succeeded());
                if (d.succeeded()) {
                    good.add(d.revision());
                }
            }
        }
        newestFirst.stream().filter(d -> d.before() != null).reduce((newer, older) -> older).map(Deployed::before)
                .filter(first -> !verdict.containsKey(first)).ifPresent(good::add);
        return good.stream().filter(revision -> !revision.equals(serving)).findFirst();
    }
}
