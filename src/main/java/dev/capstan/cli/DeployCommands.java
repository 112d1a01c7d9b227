package dev.capstan.cli;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.bluegreen.BlueGreen;
import dev.capstan.ops.bluegreen.BlueGreenDeploy;
import dev.capstan.ops.bluegreen.BlueGreenPicture;
import dev.capstan.ops.bluegreen.Colour;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Blue/green with task sets from the terminal: deploy an image, roll back, and show the colours. */
final class DeployCommands {
    private DeployCommands() {
    }

    @Starts("bluegreen.deploy")
    @Command(name = "deploy", description = {"Deploy an image blue/green: a new task set behind the idle colour, wait until it is healthy,",
            "swap the rules' priorities, make it PRIMARY. After a failed deploy choose --resume or --start-over."})
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

        @Override
        public Integer call() {
            Environment environment = new WorkspaceAccess(root, spec).environment();
            if (environment == null) {
                return 2;
            }
            OperationDriver driver = new OperationDriver(root, spec);
            var runner = root.services.operations().runner();
            List<RunSummary> unfinished = runner.store().unfinished(environment.name(), BlueGreenDeploy.TYPE);
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
                    throw new IllegalArgumentException("Give --image TAG (or a whole image reference).");
                }
                var deploy = root.services.operations().blueGreen().deploy(environment, image, Durations.parse(timeout));
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

    @Command(name = "rollback", description = "Swap the traffic back to the old task set and make it PRIMARY, once it is checked running and healthy.")
    static final class Rollback implements Callable<Integer> {
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
            OperationDriver driver = new OperationDriver(root, spec);
            try {
                return driver.run(root.services.operations().blueGreen().rollback(environment));
            } catch (IllegalArgumentException e) {
                driver.refused(e);
                return 2;
            }
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
                BlueGreen blueGreen = root.services.operations().blueGreen();
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
