package dev.capstan.ops.branch;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Step;
import java.util.List;

/**
 * Removes a branch environment: what carries its tag, in the order that frees each thing before the next (the rule, so no
 * traffic arrives; the service and its task; the target group; the revision), and nothing else. Each step finds its resource
 * afresh, so a destroy run again, or after a half-made create, removes what is there and passes over what is not.
 */
public final class DestroyBranch extends BranchOperation {
    public static final String TYPE = "branch.destroy";
    private final BranchDestroyRequest request;

    DestroyBranch(Environment environment, BranchDestroyRequest request, BranchServices services) {
        super(environment, request.name(), services);
        this.request = request;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Destroy branch environment " + request.name() + " of " + environment().name();
    }

    @Override
    public BranchDestroyRequest request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        return List.of(new BranchTeardown.DeleteRule(this), new BranchTeardown.DeleteService(this), new BranchTeardown.DeleteTargetGroup(this),
                new BranchTeardown.DeregisterRevisions(this));
    }
}
