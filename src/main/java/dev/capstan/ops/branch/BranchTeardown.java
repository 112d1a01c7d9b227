package dev.capstan.ops.branch;

import dev.capstan.domain.LoadBalancerSettings;
import dev.capstan.domain.TaggedService;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The steps of a destroy, each removing one kind of the branch's resources if it is there and carries the branch's tag. */
final class BranchTeardown {
    private BranchTeardown() {
    }

    private static String refusal(String what, DestroyBranch branch) {
        return what + " does not carry the tag " + BranchNames.BRANCH + "=" + branch.branchTag() + "; Capstan removes only what it made for "
                + "the branch, so remove it yourself if it should go.";
    }

    static final class DeleteRule implements Step {
        private final DestroyBranch branch;

        DeleteRule(DestroyBranch branch) {
            this.branch = branch;
        }

        @Override
        public String id() {
            return "delete-rule";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Delete the listener rule tagged " + branch.branchTag() + ", so no traffic reaches the branch");
        }

        @Override
        public String run(StepContext context) {
            LoadBalancerSettings lb = branch.environment().loadBalancer();
            if (lb == null || lb.listenerArn() == null) {
                return branch.environment().name() + " names no listener; there is no rule to delete";
            }
            Optional<String> rule = branch.services().branches().ruleTagged(branch.target(), lb.listenerArn(), BranchNames.BRANCH, branch.branchTag());
            if (rule.isEmpty()) {
                return "No rule of the branch is on the listener";
            }
            branch.services().branches().deleteRule(branch.target(), rule.get());
            return "Deleted the branch's listener rule";
        }
    }

    static final class DeleteService implements Step {
        private final DestroyBranch branch;

        DeleteService(DestroyBranch branch) {
            this.branch = branch;
        }

        @Override
        public String id() {
            return "delete-service";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Delete service " + branch.serviceName() + " and stop its tasks");
        }

        @Override
        public String run(StepContext context) {
            Optional<TaggedService> service = branch.services().branches().activeService(branch.target(), branch.environment().cluster(),
                    branch.serviceName());
            if (service.isEmpty()) {
                return "Service " + branch.serviceName() + " is gone already";
            }
            if (!branch.branchTag().equals(service.get().tags().get(BranchNames.BRANCH))) {
                throw new IllegalStateException(refusal("Service " + branch.serviceName(), branch));
            }
            context.rememberOnce(CreateBranch.REVISION, service.get().taskDefinition());
            branch.services().branches().deleteService(branch.target(), branch.environment().cluster(), branch.serviceName());
            return "Deleted service " + branch.serviceName();
        }
    }

    static final class DeleteTargetGroup implements Step {
        private final DestroyBranch branch;

        DeleteTargetGroup(DestroyBranch branch) {
            this.branch = branch;
        }

        @Override
        public String id() {
            return "delete-target-group";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Delete target group " + branch.targetGroupName());
        }

        @Override
        public String run(StepContext context) {
            Optional<String> group = branch.services().branches().targetGroupNamed(branch.target(), branch.targetGroupName());
            if (group.isEmpty()) {
                return "Target group " + branch.targetGroupName() + " is gone already";
            }
            if (!branch.branchTag().equals(branch.services().branches().loadBalancingTags(branch.target(), group.get()).get(BranchNames.BRANCH))) {
                throw new IllegalStateException(refusal("Target group " + branch.targetGroupName(), branch));
            }
            branch.services().branches().deleteTargetGroup(branch.target(), group.get());
            return "Deleted target group " + branch.targetGroupName();
        }
    }

    static final class DeregisterRevisions implements Step {
        /** At most this many of the branch's revisions are looked for: a branch registers one, a few at most if re-created. */
        private static final int MOST = 10;
        private final DestroyBranch branch;

        DeregisterRevisions(DestroyBranch branch) {
            this.branch = branch;
        }

        @Override
        public String id() {
            return "deregister-revisions";
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Deregister the task definition revisions tagged " + branch.branchTag());
        }

        @Override
        public String run(StepContext context) {
            // The branch's revisions are of the family the environment's service runs; the deleted service named it, if there was one.
            String family = context.fact(CreateBranch.REVISION).orElseGet(() -> branch.services().branches()
                    .blueprint(branch.target(), branch.environment().cluster(), branch.environment().service()).taskDefinition());
            if (family == null) {
                return "Neither the branch's service nor " + branch.environment().service() + " names a revision, so there is none to deregister";
            }
            family = TaskDefinitionNames.family(family);
            Set<String> done = new HashSet<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < MOST; i++) {
                Optional<String> revision = branch.services().registry().taggedRevision(branch.target(), family, BranchNames.BRANCH, branch.branchTag())
                        .filter(arn -> !done.contains(arn));
                if (revision.isEmpty()) {
                    break;
                }
                branch.services().branches().deregisterTaskDefinition(branch.target(), revision.get());
                done.add(revision.get());
                names.add(TaskDefinitionNames.familyRevision(revision.get()));
            }
            return names.isEmpty() ? "No revision of the branch is registered" : "Deregistered " + String.join(", ", names);
        }
    }
}
