package dev.capstan.cli;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenPicture;
import dev.capstan.ops.bluegreen.Colour;
import dev.capstan.ops.codedeploy.ApproveDeployment;
import dev.capstan.ops.codedeploy.StopAndRollBack;
import dev.capstan.ops.controller.Deploys;
import dev.capstan.ops.deploy.ImageChoice;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Deploys from the terminal, for every controller Capstan drives: deploy an image, roll back, list the deploys, and show blue/green colours. */
final class DeployCommands {
    private DeployCommands() {
    }

    @Starts("deploy")
    @Command(name = "deploy", subcommands = {Approve.class, Stop.class},
            description = {"Deploy an image however the service is deployed: ECS rolls it out (rolling), a new task set behind the idle",
            "colour takes the traffic (blue/green), or CodeDeploy deploys it. Exit 0 only when it serves, healthy.",
            "After a failed deploy choose --resume or --start-over."})
    static final class Deploy implements Callable<Integer> {
        @ParentCommand
        CapstanCommand root;
        @Spec
        CommandSpec spec;
        @Option(names = "--image", paramLabel = "TAG|IMAGE|FAMILY:REV")
        String image;
        @Option(names = "--resume", description = "Continue the failed or interrupted deploy with its image; it ends as if it had succeeded.")
        boolean resume;
        @Option(names = "--start-over", description = "Abandon the failed or interrupted deploy (nothing is rewound) and deploy --image afresh.")
        boolean startOver;
        @Option(names = "--timeout", paramLabel = "DURATION")
        String timeout;
        @Option(names = "--raise-group")
        boolean raiseGroup;

        @Override
        public Integer call() {
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            OperationDriver driver = new OperationDriver(root, spec);
            var runner = root.services().operations().runner();
            List<RunSummary> unfinished = unfinished(runner.store(), environment);
            try {
                if (resume && startOver) {
                    throw new IllegalArgumentException("Choose one of --resume and --start-over.");
                }
                if (resume) {
                    if (unfinished.isEmpty()) {
                        throw new IllegalArgumentException("No failed or interrupted deploy of " + environment.name() + " to resume.");
                    }
                    return driver.resume(runner.store().read(unfinished.get(0).id()), environment);
                }
                if (!unfinished.isEmpty() && !startOver) {
                    RunSummary last = unfinished.get(0);
                    throw new IllegalArgumentException("The deploy " + last.id() + " (" + last.title() + ") is " + last.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + ": choose --resume (same image, ends as if it had succeeded) or --start-over (abandon it; nothing is rewound).");
                }
                if (image == null) {
                    throw new IllegalArgumentException("Give --image TAG (or a whole image reference, or FAMILY:REV).");
                }
                var deploy = root.services().operations().deploys().deploy(environment, image, Durations.parse(timeout), raiseGroup);
                if (startOver && !root.dryRun) {
                    for (RunSummary old : unfinished) {
                        runner.abandon(old.id(), environment, "started over with capstan deploy --start-over");
                    }
                }
                return driver.run(deploy);
            } catch (IllegalArgumentException e) {
                driver.refused(e);
                return 2;
            } catch (RuntimeException e) {
                return driver.refused(e);
            }
        }
    }

    /** A command that acts on the deployment in progress of the environment's service, watched for at most --timeout. */
    abstract static class InProgress implements Callable<Integer> {
        @ParentCommand
        Deploy deploy;
        @Spec
        CommandSpec spec;
        @Option(names = "--timeout", paramLabel = "DURATION")
        String timeout;

        abstract dev.capstan.ops.Operation build(Deploys deploys, Environment environment, java.time.Duration timeout);

        @Override
        public Integer call() {
            return drive(deploy.root, spec, environment -> build(deploy.root.services().operations().deploys(), environment, Durations.parse(timeout)));
        }
    }

    @Starts(ApproveDeployment.TYPE)
    @Command(name = "approve", description = {"Reroute production traffic for the CodeDeploy deployment that waits for approval",
            "(ContinueDeployment), and watch it to its end. Exit 0 only when the replacement serves, healthy."})
    static final class Approve extends InProgress {
        @Override
        dev.capstan.ops.Operation build(Deploys deploys, Environment environment, java.time.Duration timeout) {
            return deploys.approve(environment, timeout);
        }
    }

    @Starts(StopAndRollBack.TYPE)
    @Command(name = "stop", description = {"Stop the deployment in progress and roll it back: CodeDeploy's (StopDeployment with rollback)",
            "or ECS's own (StopServiceDeployment with ROLLBACK). Exit 0 when the revision before it serves again, healthy."})
    static final class Stop extends InProgress {
        @Override
        dev.capstan.ops.Operation build(Deploys deploys, Environment environment, java.time.Duration timeout) {
            return deploys.stop(environment, timeout);
        }
    }

    /** Runs the operation a command builds for its environment: exit 2 when it is refused before anything runs. */
    private static int drive(CapstanCommand root, CommandSpec spec, java.util.function.Function<Environment, dev.capstan.ops.Operation> build) {
        Environment environment = new WorkspaceAccess(root, spec).environment();
        if (environment == null) {
            return 2;
        }
        OperationDriver driver = new OperationDriver(root, spec);
        try {
            return driver.run(build.apply(environment));
        } catch (IllegalArgumentException e) {
            driver.refused(e);
            return 2;
        } catch (RuntimeException e) {
            return driver.refused(e);
        }
    }

    /** The environment's failed or interrupted deploys and rollbacks of any kind, newest first. */
    static List<RunSummary> unfinished(dev.capstan.ops.RunStore store, Environment environment) {
        return Deploys.TYPES.stream().flatMap(type -> store.unfinished(environment.name(), type).stream())
                .sorted(java.util.Comparator.comparing(RunSummary::startedAt).reversed()).toList();
    }

    @Starts("rollback")
    @Command(name = "rollback", description = {"Roll back however the service is deployed: deploy the last known good revision again (or --to",
            "FAMILY:REV) and judge it as any deploy (rolling), or move the traffic back to the colour that served before (blue/green)."})
    static final class Rollback implements Callable<Integer> {
        @ParentCommand
        CapstanCommand root;
        @Spec
        CommandSpec spec;
        @Option(names = "--to", paramLabel = "FAMILY:REV")
        String to;
        @Option(names = "--timeout", paramLabel = "DURATION")
        String timeout;

        @Override
        public Integer call() {
            return drive(root, spec, environment -> root.services().operations().deploys().rollback(environment, to, Durations.parse(timeout)));
        }
    }

    @Command(name = "deploys", description = "The environment's deploys and rollbacks: when, who, image, revision, outcome; newest first.")
    static final class History implements Callable<Integer> {
        private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        @ParentCommand
        CapstanCommand root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            List<Deploys.Entry> entries = root.services().operations().deploys().history(environment.name());
            if (root.output == CapstanCommand.Output.json) {
                Printer.json(out, entries);
                return 0;
            }
            try {
                new DeploymentStatus(root.services().operations().deploys(), root.services().operations().rolling()).print(environment, out);
            } catch (RuntimeException e) {
                out.println("(Where the service's deployment is could not be read: " + e.getMessage() + ")");
            }
            if (entries.isEmpty()) {
                out.println("No deploys of " + environment.name() + " in the journals yet.");
            }
            out.printf("%-16s  %-22s  %-20s  %-34s  %-18s  %s%n", "WHEN", "WHO", "KIND", "IMAGE", "REVISION", "OUTCOME");
            for (Deploys.Entry e : entries) {
                out.printf("%-16s  %-22s  %-20s  %-34s  %-18s  %s%n", e.when() == null ? "" : WHEN.format(e.when()), e.who(), e.kind(),
                        ImageChoice.shortName(e.image()), e.revision() == null ? "" : TaskDefinitionNames.familyRevision(e.revision()),
                        e.outcome() + (e.error() == null ? "" : ": " + firstSentence(e.error())));
            }
            out.flush();
            return 0;
        }

        private static String firstSentence(String error) {
            int end = error.indexOf(". ");
            String first = end < 0 ? error : error.substring(0, end + 1);
            return first.length() > 140 ? first.substring(0, 139) + "…" : first;
        }
    }

    @Command(name = "colours", aliases = "colors", description = "Which colour serves, and the task set, image and deployer behind each.")
    static final class Colours implements Callable<Integer> {
        @ParentCommand
        CapstanCommand root;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            try {
                BlueGreen blueGreen = root.services().operations().blueGreen();
                BlueGreenPicture picture = blueGreen.picture(environment);
                for (Colour colour : Colour.values()) {
                    BlueGreenPicture.Side side = picture.side(colour);
                    out.printf("%-5s %-7s rule priority %d  %s%n", colour, colour == picture.active() ? "ACTIVE" : "idle", side.rule().priority(),
                            side.taskSet().map(s -> "task set " + s.id() + " (" + s.status() + "), " + side.image() + ", " + side.running() + " tasks, "
                                    + side.healthyTargets() + "/" + side.targets() + " targets healthy"
                                    + side.deployed().map(d -> ", deployed by " + d.who() + " at " + d.when()).orElse("")).orElse("no task set"));
                }
                out.println(picture.idleSide().serving() ? "A rollback to " + picture.idleSide().image() + " is possible: capstan rollback --env "
                        + environment.name() : "No rollback: nothing serves behind " + picture.active().other()
                        + blueGreen.redeployTarget(environment, picture).map(d -> "; re-deploy " + d.image() + " instead").orElse("") + ".");
                out.flush();
                return 0;
            } catch (RuntimeException e) {
                return new OperationDriver(root, spec).refused(e);
            }
        }
    }
}
