package dev.capstan.ops.branch;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LoadBalancerSettings;
import dev.capstan.ops.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A short-lived copy of the environment's service for a branch: the environment's revision with the branch's image, a target
 * group like the environment's, the seed task, the service (same cluster and network) waited for until healthy, and last the
 * listener rule that sends its host (or path) to it, so no one reaches it before it is seeded and healthy. Every resource carries
 * the branch's tags, by which a resumed run finds what it made and the destroy finds what to remove.
 */
public final class CreateBranch extends BranchOperation {
    public static final String TYPE = "branch.create";
    static final String REVISION = "branchRevision";
    static final String TARGET_GROUP = "branchTargetGroup";
    static final String RULE = "branchRule";
    static final String PRIORITY = "branchRulePriority";

    private final BranchRequest request;

    CreateBranch(Environment environment, BranchRequest request, BranchServices services) {
        super(environment, request.name(), services);
        this.request = request;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Create branch environment " + request.name() + " of " + environment().name();
    }

    @Override
    public BranchRequest request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new RegisterBranchRevision(this));
        steps.add(new CreateBranchTargetGroup(this));
        if (request.seedCommand() != null) {
            steps.add(services().tasks().seed(environment(), request.seedCommand(), REVISION, request.timeout()));
        }
        steps.add(new CreateBranchService(this));
        steps.add(new WaitUntilBranchHealthy(this));
        steps.add(new CreateBranchRule(this));
        return steps;
    }

    @Override
    public List<String> warnings() {
        return request.seedCommand() == null ? List.of("No seed command: the branch environment starts with whatever its database holds "
                + "(give --seed, or branches.seedCommand under the environment's deploy: in the workspace).") : List.of();
    }

    /** The tags every resource of the branch carries. */
    Map<String, String> tags(String runId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(BranchNames.BRANCH, BranchNames.tag(environment().name(), request.name()));
        tags.put(BranchNames.BRANCH_OF, environment().name());
        tags.put(BranchNames.OWNER, request.owner());
        tags.put(BranchNames.CREATED, request.createdAt().toString());
        tags.put(BranchNames.EXPIRES, request.expiresAt().toString());
        tags.put(BranchNames.URL, url());
        tags.put(BranchNames.RUN, runId);
        return tags;
    }

    String url() {
        String base = services().branches().listenerUrl(target(), request.listenerArn(), request.host());
        return request.host() != null ? base + "/" : base + request.pathPattern().replace("*", "");
    }

    /** The target groups the environment's own rules forward to: a branch's rule must come before them. */
    Set<String> environmentTargetGroups() {
        Set<String> own = new HashSet<>();
        own.add(request.like().targetGroupArn());
        LoadBalancerSettings lb = environment().loadBalancer();
        if (lb != null) {
            Stream.of(lb.blueTargetGroupArn(), lb.greenTargetGroupArn()).filter(Objects::nonNull).forEach(own::add);
        }
        return own;
    }
}
