package dev.capstan.cli;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.branch.BranchEnvironment;
import dev.capstan.ops.branch.BranchEnvironments;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "branch", description = "Short-lived, seeded copies of the environment's service for a branch, each at its own address.")
final class BranchCommand {
    @ParentCommand
    CapstanCommand root;
    @Spec
    CommandSpec spec;

    @Starts("branch.create")
    @Command(name = "create", description = "Create a branch environment: its revision, target group, seed task, service and listener rule.")
    int create(@Option(names = "--name", required = true, paramLabel = "NAME") String name,
               @Option(names = "--image", required = true, paramLabel = "TAG|IMAGE") String image,
               @Option(names = "--seed", paramLabel = "COMMAND") String seed,
               @Option(names = "--ttl", paramLabel = "DURATION") String ttl,
               @Option(names = "--timeout", paramLabel = "DURATION") String timeout) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        BranchEnvironments branches = root.services().operations().branches();
        try {
            return driver.run(branches.create(environment, name, image, seed, ttl == null ? null : Durations.parse(ttl), Durations.parse(timeout)));
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        } catch (RuntimeException e) {
            return driver.refused(e);
        }
    }

    @Starts("branch.destroy")
    @Command(name = "destroy", description = "Remove a branch environment: its rule, service, target group and revision, found by their tags.")
    int destroy(@Option(names = "--name", required = true, paramLabel = "NAME") String name) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        try {
            return driver.run(root.services().operations().branches().destroy(environment, name));
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        }
    }

    @Command(name = "list", description = "The environment's branch environments: owner, age, time left, address and health; expired ones say so.")
    int list() {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        BranchEnvironments branches = root.services().operations().branches();
        List<BranchEnvironment> listed;
        try {
            listed = branches.list(environment);
        } catch (RuntimeException e) {
            return new OperationDriver(root, spec).refused(e);
        }
        Instant now = branches.now();
        PrintWriter out = spec.commandLine().getOut();
        if (root.output == CapstanCommand.Output.json) {
            Printer.json(out, listed.stream().map(b -> json(b, now)).toList());
            return 0;
        }
        if (listed.isEmpty()) {
            out.println(environment.name() + " has no branch environments.");
            return 0;
        }
        out.printf("%-20s %-26s %-8s %-14s %-40s %s%n", "NAME", "OWNER", "AGE", "TIME LEFT", "URL", "HEALTH");
        for (BranchEnvironment b : listed) {
            out.printf("%-20s %-26s %-8s %-14s %-40s %s%n", b.name(), orDash(b.owner()), human(b.age(now)),
                    b.expired(now) ? "EXPIRED" : human(b.timeLeft(now)), orDash(b.url()), b.health());
        }
        listed.stream().filter(b -> b.expired(now)).forEach(b -> out.println(b.name() + " has expired: destroy it with capstan branch destroy --env "
                + environment.name() + " --name " + b.name()));
        return 0;
    }

    private static Map<String, Object> json(BranchEnvironment b, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", b.name());
        entry.put("service", b.service());
        entry.put("owner", b.owner());
        entry.put("createdAt", b.createdAt());
        entry.put("expiresAt", b.expiresAt());
        entry.put("expired", b.expired(now));
        entry.put("url", b.url());
        entry.put("desiredCount", b.desiredCount());
        entry.put("runningCount", b.runningCount());
        entry.put("healthyTargets", b.healthyTargets());
        entry.put("targets", b.targets());
        return entry;
    }

    private static String human(Duration d) {
        return d == null ? "-" : Durations.brief(d);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
