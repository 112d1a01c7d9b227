package dev.capstan.ops.branch;

import dev.capstan.domain.ListenerRule;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listener rule that sends the branch's host (or path) to its target group: the last step, so the branch takes traffic
 * only once seeded and healthy. Its priority is the lowest free one ahead of the environment's own rules, which would
 * otherwise match first.
 */
final class CreateBranchRule implements Step {
    private final CreateBranch branch;

    CreateBranchRule(CreateBranch branch) {
        this.branch = branch;
    }

    @Override
    public String id() {
        return "create-rule";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        String match = branch.request().host() != null ? "host " + branch.request().host() : "path " + branch.request().pathPattern();
        return StepPreview.change("Send " + match + " to " + branch.targetGroupName() + " with a listener rule: the branch is then reached at "
                + branch.url(), "no rule", match);
    }

    @Override
    public String run(StepContext context) {
        BranchServices s = branch.services();
        Optional<String> existing = s.branches().ruleTagged(branch.target(), branch.request().listenerArn(), BranchNames.BRANCH, branch.branchTag());
        if (existing.isPresent()) {
            context.rememberOnce(CreateBranch.RULE, existing.get());
            return "The rule is there already; the branch is reached at " + branch.url();
        }
        String targetGroup = context.fact(CreateBranch.TARGET_GROUP).orElseThrow(() -> new IllegalStateException("The journal holds no target group."));
        int priority = Integer.parseInt(context.rememberOnce(CreateBranch.PRIORITY, Integer.toString(freePriority())));
        String rule = s.branches().createRule(branch.target(), branch.request().listenerArn(), priority, branch.request().host(),
                branch.request().pathPattern(), targetGroup, branch.tags(context.runId()));
        context.rememberOnce(CreateBranch.RULE, rule);
        return "Rule at priority " + priority + " sends traffic to " + branch.targetGroupName() + "; the branch is reached at " + branch.url();
    }

    /** The lowest priority no rule has, below every rule that forwards to the environment's own target groups. */
    private int freePriority() {
        List<ListenerRule> rules = branch.services().rules().rules(branch.target(), branch.request().listenerArn());
        Set<String> own = branch.environmentTargetGroups();
        int ceiling = rules.stream().filter(r -> r.forwardsTo().stream().anyMatch(own::contains)).mapToInt(ListenerRule::priority).min().orElse(50_001);
        Set<Integer> taken = rules.stream().map(ListenerRule::priority).collect(Collectors.toSet());
        for (int p = 1; p < ceiling; p++) {
            if (!taken.contains(p)) {
                return p;
            }
        }
        throw new IllegalStateException("The listener has no free priority ahead of the environment's own rules (the first is at " + ceiling
                + "); move those rules to higher numbers to make room for branch environments.");
    }
}
