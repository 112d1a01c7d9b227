package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;
import dev.capstan.domain.CodeDeployment;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.Wait;
import java.util.List;
import java.util.Optional;

/** One look at a CodeDeploy deployment and the service it deploys, judged: done, not yet (and why), or failed (thrown). */
final class DeploymentVerdict {
    private final Environment environment;
    private final CodeDeployServices services;
    private final AwsTarget target;
    private final CodeDeployGroup group;

    DeploymentVerdict(Environment environment, CodeDeployServices services, AwsTarget target, CodeDeployGroup group) {
        this.environment = environment;
        this.services = services;
        this.target = target;
        this.group = group;
    }

    Wait.Look<CodeDeployment> look(String id) {
        CodeDeployment d = services.codeDeploy().deployment(target, id);
        if ("Failed".equals(d.status()) || "Stopped".equals(d.status())) {
            throw new IllegalStateException(failure(d));
        }
        if (d.waitingForApproval()) {
            String left = d.approvalLeft(group, services.clock().instant()).map(RunReport::human).map(t -> " (" + t + " left)").orElse("");
            return Wait.Look.notYet(d, where(d), List.of("someone to reroute traffic to the replacement" + left
                    + ": Reroute traffic on the Deploys page, or capstan deploy approve --env " + environment.name()));
        }
        if (!d.succeeded()) {
            return Wait.Look.notYet(d, where(d), List.of("CodeDeploy to finish the deployment"));
        }
        List<String> pending = Serving.pending(services, target, environment, d.taskDefinition());
        return pending.isEmpty() ? Wait.Look.done(d, where(d)) : Wait.Look.notYet(d, where(d), pending);
    }

    /** Where a deployment is, in a line: its status, the lifecycle event it is at, and the traffic on each task set. */
    static String where(CodeDeployment d) {
        StringBuilder line = new StringBuilder(d.status());
        d.events().stream().filter(e -> "InProgress".equals(e.status())).findFirst().ifPresent(e -> line.append(", ").append(e.name()));
        for (CodeDeployment.TaskSet set : d.taskSets()) {
            line.append("; ").append(set.label()).append(' ').append(Math.round(set.trafficWeight())).append("% (").append(set.running())
                    .append('/').append(set.desired()).append(" running)");
        }
        return line.toString();
    }

    /** CodeDeploy's reason, the failing hook, and where the traffic went back to. */
    static String failure(CodeDeployment d) {
        StringBuilder why = new StringBuilder("CodeDeploy deployment " + d.id() + " " + d.status().toLowerCase());
        if (d.errorMessage() != null) {
            why.append(": ").append(d.errorMessage());
        }
        Optional<CodeDeployment.Event> failed = d.failedEvent();
        failed.ifPresent(e -> why.append(" The ").append(e.name()).append(" hook").append(d.hookOf(e.name()).map(f -> " (" + f + ")").orElse(""))
                .append(" failed").append(e.diagnostics() == null ? "." : ": " + e.diagnostics() + "."));
        if (d.rollbackDeploymentId() != null) {
            why.append(" CodeDeploy rolled back (").append(d.rollbackDeploymentId()).append("): production traffic is on the original task set.");
        }
        return why.toString().replace("..", ".");
    }
}
