package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.SdkEstateProbe;
import dev.capstan.aws.StsIdentityGateway;
import dev.capstan.config.WorkspaceLoader;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.db.ConnectionFactory;
import dev.capstan.db.JdbcDatabaseProbe;
import dev.capstan.domain.Environment;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operations;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith({MotoExtension.class, PostgresExtension.class})
class CliTest {
    @org.junit.jupiter.api.io.TempDir
    Path runs;
    @org.junit.jupiter.api.io.TempDir
    Path workspaces;
    private EngineWorld engine;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final int[] consoleOpened = {0};
    private String input = "";
    /** One loader for every command of a test, as one process has: the engine reads the history tables of the workspace it loaded last. */
    private final WorkspaceLoader loader = new WorkspaceLoader();

    private int run(MotoWorld moto, String... args) {
        CliServices services = new CliServices(moto.catalog(), new StsIdentityGateway(moto.clients()),
                new EnvironmentCheck(moto.catalog(), new StsIdentityGateway(moto.clients()), new SdkEstateProbe(moto.clients()),
                        new JdbcDatabaseProbe(new ConnectionFactory(Map.of()))),
                loader, Map.of(), operations(moto),
                new dev.capstan.app.LocalBenchmarks(),
                new dev.capstan.ops.logs.LogReading(new dev.capstan.aws.SdkLogsGateway(moto.clients()), new dev.capstan.ops.logs.LogSources(
                        engine.ecs, new dev.capstan.aws.SdkTaskDefinitionReader(moto.clients()), engine.targets), java.time.Clock.systemUTC()),
                engine.history);
        ConsoleStarter console = new ConsoleStarter() {
            @Override
            public int open(Path workspace) {
                consoleOpened[0]++;
                return 0;
            }

            @Override
            public int sandbox(boolean gui) {
                return 0;
            }
        };
        CapstanCommand command = new CapstanCommand(() -> services, console);
        command.input = new java.io.BufferedReader(new java.io.StringReader(input));
        return CapstanCommand.commandLine(command)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Operations operations(MotoWorld moto) {
        if (engine == null) {
            engine = new EngineWorld(moto.clients(), moto.catalog(), runs, "tester@test-host", loader::environmentsInUse, java.time.Clock.systemUTC());
        }
        return new Operations(engine.runner, engine.lock, engine.targets, engine.scale, engine.tasks, engine.regionData, engine.restart, engine.runbooks, engine.blueGreen,
                engine.rolling, engine.deploys, engine.compose, engine.branches);
    }

    @org.junit.jupiter.api.AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private Path workspace(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment good = TestEstate.environment(moto, database, "cli");
        Path file = Files.createDirectories(workspaces.resolve("cli")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(good, TestEstate.withCluster(good, "gone"),
                TestEstate.variant(good, "cli-prod", true, false), TestEstate.variant(good, "cli-viewer", false, true)));
        return file;
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        moto.faults().clear();

        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli", "--dry-run", "service", "scale", "--count", "5")).isZero();

        assertThat(out.toString()).contains("Plan: Scale cli-web on cli to 5")
                .contains(" 2. change  Set desired count of cli-web from 2 to 5   [2 -> 5]").contains("Dry run: nothing was changed.");
        assertThat(moto.faults().sent("UpdateService")).isZero();
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void composeImportDryRunPrintsTheRequestAndFindingsAndABuildOnlyServiceIsRefused(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path ws = workspace(moto, database);
        Path compose = workspaces.resolve("compose.yaml");
        Files.writeString(compose, "name: cli-shop\nservices:\n  web:\n    image: example/web:1\n    ports: [\"8080:80\"]\n");
        moto.faults().clear();

        assertThat(run(moto, "--workspace", ws.toString(), "--env", "cli", "--dry-run", "--output", "json", "compose", "import", compose.toString()))
                .as(err.toString()).isZero();

        com.fasterxml.jackson.databind.JsonNode printed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(printed.at("/taskDefinition/family").asText()).isEqualTo("cli-shop");
        assertThat(printed.at("/taskDefinition/containerDefinitions/0/portMappings/0/containerPort").asInt()).isEqualTo(80);
        assertThat(printed.at("/taskDefinition/containerDefinitions/0/logConfiguration/logDriver").asText()).isEqualTo("awslogs");
        assertThat(printed.at("/findings/0/severity").asText()).isEqualTo("CHANGED");
        assertThat(moto.faults().sent("RegisterTaskDefinition")).isZero();

        Files.writeString(compose, "services:\n  web:\n    build: .\n");
        assertThat(run(moto, "--workspace", ws.toString(), "--env", "cli", "--yes", "compose", "import", compose.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Service web has only build:, and ECS runs images, it does not build them");
        assertThat(moto.faults().sent("RegisterTaskDefinition")).isZero();
    }

    @Test
    void branchListSaysWhenThereAreNoneAndABadNameIsRefusedWithTheRule(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        moto.faults().clear();

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "branch", "list")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("cli has no branch environments.");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "branch", "create", "--name", "Login_Fix", "--image", "abc1234")).isEqualTo(2);
        assertThat(err.toString()).contains("A branch name is part of a host name: use 1 to 20 lowercase letters, digits and -");
        assertThat(moto.faults().sentOperations().keySet()).noneMatch(op -> op.startsWith("Create") || op.startsWith("Register"));
    }

    @Test
    void productionNeedsConfirmEnvAndReadOnlyRefuses(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        String ws = file.toString();
        moto.faults().clear();

        assertThat(run(moto, "--workspace", ws, "--env", "cli-prod", "--yes", "service", "scale", "--count", "2")).isEqualTo(1);
        assertThat(err.toString()).contains("cli-prod is a production environment: type its name").contains("--confirm-env cli-prod");
        assertThat(run(moto, "--workspace", ws, "--env", "cli-viewer", "--yes", "service", "scale", "--count", "3")).isEqualTo(1);
        assertThat(err.toString()).contains("cli-viewer is read-only here");
        assertThat(moto.faults().sent("UpdateService")).isZero();
        assertThat(engine.runner.store().summaries()).isEmpty();

        assertThat(run(moto, "--workspace", ws, "--env", "cli-prod", "--yes", "--confirm-env", "cli-prod", "service", "scale", "--count", "2"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("[2] Set desired count of cli-web from 2 to 2").contains("SUCCEEDED: Scale cli-web on cli-prod to 2");
    }

    @Test
    void aPromptAcceptsOnlyTheTypedNameForProduction(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        input = "cli\n";
        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli-prod", "service", "scale", "--count", "2")).isEqualTo(1);
        assertThat(out.toString()).contains("cli-prod is PRODUCTION. Type its name to run:");
        assertThat(err.toString()).contains("Nothing was changed");

        input = "cli-prod\n";
        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli-prod", "service", "scale", "--count", "2")).isZero();
    }

    @Test
    void aFailedRunIsListedShownAsMarkdownAndAbandoned(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        String ws = file.toString();

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "service", "scale", "--count", "3", "--timeout", "1s")).isEqualTo(1);
        String id = engine.runner.store().summaries().get(0).id();
        assertThat(err.toString()).contains("has running 2, on their way 0, wanted 3").contains("capstan runs resume " + id);

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "service", "scale", "--count", "3")).isEqualTo(1);
        assertThat(err.toString()).contains("Resume it, or start over. Resume: capstan runs resume " + id + ". Start over: capstan runs abandon " + id);

        assertThat(run(moto, "runs", "list")).isZero();
        assertThat(out.toString()).contains(id).contains("FAILED").contains("Scale cli-web on cli to 3").contains("1 run(s) can be resumed");
        assertThat(run(moto, "runs", "show", id, "--markdown")).isZero();
        assertThat(out.toString()).contains("## Scale cli-web on cli to 3: FAILED")
                .contains("- [x] 2. Set desired count of cli-web from 2 to 3 (2 → 3) · *change*: Desired count is now 3 (was 2)")
                .contains("- [ ] 3. Wait until cli-web runs 3 tasks").contains("**failed**");

        assertThat(run(moto, "--workspace", ws, "runs", "abandon", id)).isZero();
        assertThat(out.toString()).contains("Run " + id + " is ABANDONED");
        assertThat(run(moto, "--output", "json", "runs", "list")).isZero();
        assertThat(out.toString()).contains("\"outcome\" : \"ABANDONED\"");
    }

    @Test
    void theHistoryTableIsCreatedAndReportedAndAColleaguesRunsAreListedAndShown(MotoWorld moto, @org.junit.jupiter.api.io.TempDir Path colleague)
            throws Exception {
        Environment shared = TestEstate.withHistoryTable(dev.capstan.ops.EngineWorld.plainEnvironment("cli-team", moto.endpoint(), false, null),
                "cli-history");
        Path file = Files.createDirectories(workspaces.resolve("team")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(shared));
        String ws = file.toString();
        assertThat(run(moto, "--workspace", ws, "--env", "cli-team", "history", "status")).isZero();
        assertThat(out.toString()).contains("cli-history, which does not exist yet");
        assertThat(run(moto, "--workspace", ws, "--env", "cli-team", "history", "create-table")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Created the history table cli-history in us-east-1");

        String id;
        try (dev.capstan.ops.EngineWorld bob = new dev.capstan.ops.EngineWorld(moto.clients(), moto.catalog(), colleague.resolve("runs"),
                "bob@laptop-b", () -> List.of(shared), java.time.Clock.systemUTC())) {
            dev.capstan.ops.LedgerOperation ledger = new dev.capstan.ops.LedgerOperation(shared, colleague.resolve("ledger.txt"));
            Files.createFile(ledger.goFile());
            id = bob.runner.start(ledger, bob.runner.plan(ledger), dev.capstan.ops.Decision.yes(), dev.capstan.ops.RunListener.NONE)
                    .finished().get(1, java.util.concurrent.TimeUnit.MINUTES).id();
            assertThat(bob.history.drain(java.time.Duration.ofSeconds(30))).isTrue();
        }

        out.getBuffer().setLength(0);
        assertThat(run(moto, "--workspace", ws, "--env", "cli-team", "runs", "list")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(id).contains("bob@laptop-b").contains("SUCCEEDED").contains("Write the ledger on cli-team");
        assertThat(run(moto, "--workspace", ws, "runs", "show", id)).isZero();
        assertThat(out.toString()).contains("run " + id + " in cli-team by bob@laptop-b").contains("Appended entry C");
        out.getBuffer().setLength(0);
        assertThat(run(moto, "--workspace", ws, "--env", "cli-team", "history", "status")).isZero();
        assertThat(out.toString()).contains("Shared with the team in cli-history: everything written here has reached it.");
    }

    @Test
    void lockStatusAndAJournaledForcedRelease(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        String ws = file.toString();
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "lock", "status")).isZero();
        assertThat(out.toString()).contains("cli-web@cli is free.");

        Environment cli = new WorkspaceLoader().load(file).environment("cli").orElseThrow();
        var spot = dev.capstan.ops.lock.LockSpot.of(cli, engine.targets.of(cli)).orElseThrow();
        new dev.capstan.aws.DynamoLockTable(moto.clients()).putIfAbsent(moto.target(), spot.table(), new dev.capstan.domain.LockRecord(
                spot.key(), "gone@elsewhere", "20261101T000000Z-dead", "Deploy", java.time.Instant.parse("2026-11-01T00:00:00Z"),
                java.time.Instant.parse("2026-11-01T00:00:00Z"), "v1", 30000));
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "lock", "status")).isEqualTo(3);
        assertThat(out.toString()).contains("held by gone@elsewhere for run 20261101T000000Z-dead (Deploy) since 2026-11-01T00:00:00Z");

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "lock", "release")).isEqualTo(2);
        assertThat(err.toString()).contains("add --force");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "lock", "release", "--force")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Released the deploy lock, held by gone@elsewhere");
        assertThat(engine.lock.status(spot)).isEmpty();
        assertThat(engine.runner.store().summaries()).singleElement().satisfies(r -> assertThat(r.operationType()).isEqualTo("lock.release"));
    }

    @Test
    void logsPrintsAServicesLinesFromItsTaskStreamsAndATasksOwn(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        Environment cli = new WorkspaceLoader().load(file).environment("cli").orElseThrow();
        new dev.capstan.aws.sandbox.LogTrickle(moto.clients(), moto.target()).writeOnce(cli.cluster(), cli.service(), cli.container(), cli.logGroup());

        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli", "logs", "--since", "5m")).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).isNotEmpty().allMatch(line -> line.contains("  app/" + cli.container() + "/"));
        String stream = lines.get(0).split("  ")[1];
        String taskArn = engine.ecs.runningTaskArns(moto.target(), cli.cluster(), cli.service()).stream()
                .filter(arn -> stream.endsWith(arn.substring(arn.lastIndexOf('/') + 1))).findFirst().orElseThrow();

        out.getBuffer().setLength(0);
        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli", "logs", "--task", taskArn, "--since", "5m")).isZero();
        assertThat(out.toString().lines().toList()).isNotEmpty().allMatch(line -> line.contains(stream));

        assertThat(run(moto, "--workspace", file.toString(), "--env", "cli", "logs", "--group", "/no/such/group")).isEqualTo(1);
        assertThat(err.toString()).contains("read log group /no/such/group");
    }

    @Test
    void taskRunStreamsTheLogsAndExitsWithTheTasksExitCode(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        java.util.concurrent.ScheduledExecutorService harness = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            dev.capstan.testworld.TaskHarness.play(moto, "cli-cluster", 3, harness);

            assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "task", "run", "--command", "run,migration:run",
                    "--env-var", "LOG_LEVEL=debug")).as(err.toString()).isEqualTo(3);

            assertThat(out.toString()).contains("running [\"run\",\"migration:run\"] with LOG_LEVEL overridden")
                    .contains("    | " + dev.capstan.testworld.TaskHarness.SCRIPT.get(1)).contains("FAILED: Run task 'run migration:run' on cli");
            assertThat(err.toString()).contains("container web exited 3");
        } finally {
            harness.shutdownNow();
        }
    }

    @Test
    void taskRunRefusesBadInputBeforeStartingAnything(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        moto.faults().clear();

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "task", "run", "--command", "sh -c 'echo hi")).isEqualTo(2);
        assertThat(err.toString()).contains("The ' at column 7 of the command is never closed");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "task", "run", "--command", "true", "--container", "nope")).isEqualTo(1);
        assertThat(err.toString()).contains("has no container named nope; it has web");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "task", "run", "--command", "true", "--security-groups", "sg-0bad"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Security group sg-0bad does not exist");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "task", "run", "--command", "true", "--env-var", "1X=2")).isEqualTo(2);
        assertThat(err.toString()).contains("'1X' (--env-var) is not an environment variable name");

        assertThat(moto.faults().sent("RunTask")).isZero();
        assertThat(engine.runner.store().summaries()).isEmpty();
    }

    @Test
    void restartReplacesTheTasksAndPutBackEndsARestartThatTimedOut(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        try (dev.capstan.testworld.SchedulerLoop scheduler = dev.capstan.testworld.SchedulerLoop.start(moto, "cli-cluster")) {
            assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "restart", "--count", "2")).isEqualTo(2);
            assertThat(err.toString()).contains("give a count above 2");
            assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "restart", "--put-back")).isEqualTo(2);
            assertThat(err.toString()).contains("Nothing to put back: there has been no restart of cli.");

            assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "restart", "--timeout", "1m")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Plan: Restart cli-web on cli (4 tasks side by side)")
                    .contains("Raise the desired count of cli-web from 2 to 4").contains("SUCCEEDED");

            moto.targetHealth().failChecksOf(id -> true);
            java.util.concurrent.ExecutorService terminal = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<Integer> timedOut = terminal.submit(() -> run(moto, "--workspace", ws, "--env", "cli", "--yes", "restart",
                        "--timeout", "2s"));
                // The two seconds pass on the restart's clock only once both new targets are reported unhealthy, however slow the machine.
                dev.capstan.testworld.Eventually.waitFor(() -> dev.capstan.testworld.Runs.records(engine.runner.store())
                        .filter(r -> r.outcome() == dev.capstan.ops.RunOutcome.RUNNING).flatMap(r -> r.steps().stream())
                        .flatMap(step -> step.log().stream()).filter(line -> line.startsWith("waiting: target ") && line.contains(" unhealthy: "))
                        .distinct().count() >= 2);
                engine.restartClock.advance(java.time.Duration.ofSeconds(3));
                assertThat(timedOut.get(2, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(1);
            } finally {
                terminal.shutdownNow();
            }
            assertThat(err.toString()).contains("unhealthy: Health checks failed with these codes: [502]");
            assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "restart", "--put-back")).as(err.toString()).isZero();
            assertThat(moto.clients().ecs(moto.target()).describeServices(r -> r.cluster("cli-cluster").services("cli-web")).services().get(0)
                    .desiredCount()).isEqualTo(2);
            assertThat(engine.runner.store().unfinished("cli", dev.capstan.ops.restart.RollingRestart.TYPE)).isEmpty();
        }
    }

    @Test
    void runbooksAreListedWalkedAndChecked(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        String ws = file.toString();
        Files.createDirectories(file.getParent().resolve("runbooks"));
        Files.writeString(file.getParent().resolve("runbooks/tiny.yaml"), """
                name: tiny
                title: Tiny checklist
                parameters:
                  - name: ticket
                steps:
                  - manual: Open ticket ${ticket}.
                    note: Who reviewed
                  - check: tasks-running
                """);
        Files.writeString(file.getParent().resolve("runbooks/broken.yaml"), "name: broken\nsteps:\n  - operation: nope\n");

        assertThat(run(moto, "--workspace", ws, "runbook", "list")).isEqualTo(1);
        assertThat(out.toString()).contains("update-region-data", "confirm-deploy", "production-release", "tiny                   Tiny checklist");
        assertThat(err.toString()).contains("broken.yaml line 3, steps[0].operation: Capstan has no operation 'nope'");

        assertThat(run(moto, "runbook", "operations")).isZero();
        assertThat(out.toString()).containsPattern("service.restart  Replace every task of the service")
                .containsPattern("\\n    timeout +\\(default 30m\\) +How long each wait may take\\.")
                .doesNotContain("lock.release").doesNotContain("service.restore-counts");

        input = "y\ny\nalice\n";
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "runbook", "run", "tiny", "--param", "ticket=REL-7")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("    > Open ticket REL-7.").contains("done: Ticked by ").contains("; Who reviewed: alice")
                .contains("done: Passed: 2 of 2 tasks RUNNING");

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "runbook", "run", "tiny", "--param", "ticket=REL-8")).isEqualTo(1);
        assertThat(err.toString()).contains("is a manual step and --yes never ticks one");

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "runbook", "check", "tiny", "--param", "ticket=x")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("PASS  tasks-running: 2 of 2 tasks RUNNING").contains("All 1 checks passed.");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "runbook", "check", "confirm-deploy", "--param", "url=http://127.0.0.1:1/")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL  The app answers: http://127.0.0.1:1/ could not be reached");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "runbook", "run", "tiny")).isEqualTo(2);
        assertThat(err.toString()).contains("needs the parameter ticket");
    }

    @Test
    void blueGreenDeployRollbackAndColoursFromTheCommandLine(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment bg = TestEstate.environment(moto, database, TestEstate.spec("clibg").withBlueGreen());
        Path file = Files.createDirectories(workspaces.resolve("clibg")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(bg));
        String ws = file.toString();
        try (dev.capstan.testworld.SchedulerLoop scheduler = dev.capstan.testworld.SchedulerLoop.start(moto, bg.cluster())) {
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "colours")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("BLUE  ACTIVE  rule priority 10  task set ecs-svc/").contains("GREEN idle    rule priority 20  no task set")
                    .contains("No rollback: nothing serves behind GREEN.");

            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "--yes", "deploy", "--image", "v2", "--timeout", "1m")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Plan: Deploy clibg-web:v2 to clibg (blue/green)").contains("SUCCEEDED");
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "colours")).isZero();
            assertThat(out.toString()).containsPattern("GREEN ACTIVE  rule priority \\d+  task set ecs-svc/\\d+ \\(PRIMARY\\), \\S+:v2, ");

            moto.targetHealth().failChecksOf(id -> true);
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "--yes", "deploy", "--image", "v3", "--timeout", "2s")).isEqualTo(1);
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "--yes", "deploy", "--image", "v4")).isEqualTo(2);
            assertThat(err.toString()).contains("choose --resume (same image, ends as if it had succeeded) or --start-over");
            moto.targetHealth().clear();
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "--yes", "deploy", "--image", "v4", "--start-over")).as(err.toString()).isZero();

            dev.capstan.testworld.Eventually.waitFor(() -> engine.blueGreen.picture(bg).idleSide().serving());
            assertThat(run(moto, "--workspace", ws, "--env", "clibg", "--yes", "rollback")).as(err.toString()).isZero();
            assertThat(engine.blueGreen.picture(bg).activeSide().image()).endsWith(":v2");
        }
    }

    @Test
    void aCodeDeployDeploymentWaitingForApprovalIsShownAndApprovedFromTheCommandLine(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.codeDeployEnvironment(moto, database, "clicd", 60);
        Path file = Files.createDirectories(workspaces.resolve("clicd")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(env));
        String ws = file.toString();
        try (dev.capstan.testworld.SchedulerLoop scheduler = dev.capstan.testworld.SchedulerLoop.start(moto, env.cluster())) {
            operations(moto);
            // A deploy started elsewhere (here: the engine, as a pipeline or another console would) waits for approval.
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            dev.capstan.ops.Operation deploy = engine.deploys.deploy(env, "ap9r0ve", java.time.Duration.ofMinutes(1));
            dev.capstan.ops.RunHandle handle = engine.runner.start(deploy, engine.runner.plan(deploy), dev.capstan.ops.Decision.yes(),
                    new dev.capstan.ops.RunListener() {
                        @Override
                        public void log(dev.capstan.ops.PlannedStep step, String line) {
                            if (line.contains("someone to reroute traffic")) {
                                waiting.countDown();
                            }
                        }
                    });
            assertThat(waiting.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            handle.cancel("handed over to the command line");
            handle.finished().get(1, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(run(moto, "--workspace", ws, "--env", "clicd", "deploys")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("CodeDeploy AppECS-clicd-cluster-clicd-web / DgpECS-clicd-cluster-clicd-web")
                    .contains(": Ready of clicd-web:").contains("waiting for approval (").contains("capstan deploy approve --env clicd")
                    .contains("AfterAllowTestTraffic Succeeded").contains("GREEN 0% of production traffic");

            assertThat(run(moto, "--workspace", ws, "--env", "clicd", "--yes", "deploy", "approve")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Plan: Reroute traffic to the replacement of clicd").contains("SUCCEEDED");
            assertThat(run(moto, "--workspace", ws, "--env", "clicd", "--yes", "deploy", "approve")).isEqualTo(2);
            assertThat(err.toString()).contains("No CodeDeploy deployment of clicd-web waits for approval");
            assertThat(run(moto, "--workspace", ws, "--env", "clicd", "--yes", "deploy", "stop")).isEqualTo(2);
            assertThat(err.toString()).contains("is in progress in AppECS-clicd-cluster-clicd-web");
        }
    }

    @Test
    void aRollingDeployThatEcsRollsBackNeverExitsZeroAndTheRollbackGoesToTheLastGood(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, TestEstate.spec("cliroll"));
        Path file = Files.createDirectories(workspaces.resolve("cliroll")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(env));
        String ws = file.toString();
        try (dev.capstan.testworld.SchedulerLoop scheduler = dev.capstan.testworld.SchedulerLoop.start(moto, env.cluster(),
                image -> image.endsWith("-broken"), () -> { })) {
            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "--yes", "deploy", "--image", "v2", "--timeout", "1m")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Plan: Deploy cliroll-web:v2 to cliroll (rolling)").contains("SUCCEEDED");

            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "--yes", "deploy", "--image", "v3-broken", "--timeout", "1m")).isEqualTo(1);
            assertThat(err.toString() + out).contains("ECS rolled the deploy back to cliroll-web:").contains("exited 1");

            out.getBuffer().setLength(0);
            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "deploys")).isZero();
            assertThat(out.toString().lines().skip(1).toList()).hasSize(2);
            assertThat(out.toString()).contains("cliroll-web:v3-broken").contains("FAILED: ECS rolled the deploy back").contains("cliroll-web:v2")
                    .contains("SUCCEEDED");
            out.getBuffer().setLength(0);
            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "--output", "json", "deploys")).isZero();
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
            assertThat(json).hasSize(2);
            assertThat(json.get(0).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(json.get(1).get("image").asText()).endsWith("/cliroll-web:v2");

            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "--yes", "deploy", "--image", "v4")).isEqualTo(2);
            assertThat(err.toString()).contains("choose --resume");
            assertThat(run(moto, "--workspace", ws, "--env", "cliroll", "--yes", "--dry-run", "rollback")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Roll back cliroll to cliroll-web:").contains("What goes back: cliroll-web:");
        }
    }

    @Test
    void regionDataFromTheCommandLine(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "region", "list")).as(err.toString()).isZero();
        String oh = out.toString().lines().filter(l -> l.startsWith("OH")).findFirst().orElseThrow().split("\\s+")[1];
        assertThat(out.toString()).contains("3 objects").contains("no backups");
        String nc = out.toString().lines().filter(l -> l.startsWith("NC")).findFirst().orElseThrow().split("\\s+")[1];
        out.getBuffer().setLength(0);
        moto.faults().clear();

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--dry-run", "region", "publish", "--region", "OH", "--from", nc)).isZero();
        assertThat(out.toString()).contains("Plan: Publish region OH from " + nc).contains("Copy 3 objects").contains("Dry run: nothing was changed.");
        assertThat(out.toString().lines().filter(l -> l.matches(" {13}\\S.*  \\(\\d.*\\)")).count()).as("every object listed").isEqualTo(6);
        assertThat(moto.faults().sent("CopyObject")).isZero();

        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "s3", "backup", "--uri", oh)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("SUCCEEDED: Back up " + oh);
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "s3", "backup", "--uri", "regions/OH")).isEqualTo(2);
        assertThat(err.toString()).contains("is not an S3 URI; write it as s3://bucket/prefix");
        assertThat(run(moto, "--workspace", ws, "--env", "cli", "--yes", "region", "bump-version", "--region", "OH", "--version", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("Version 'abc' is not a timestamp");
    }

    @Test
    void noArgumentsOpensTheConsole(MotoWorld moto) {
        assertThat(run(moto)).isZero();
        assertThat(consoleOpened[0]).isEqualTo(1);
    }

    @Test
    void envCheckPassesAndFailsWithTheRightExitCode(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "cli")).isZero();
        assertThat(out.toString()).contains("OK      cluster").contains("OK      database");

        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "cli-broken")).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED  cluster").contains("gone: no active ECS cluster");
    }

    @Test
    void jsonOutputIsParseable(MotoWorld moto, SandboxDatabase database) throws Exception {
        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "--output", "json", "env", "list")).isZero();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(tree.get(0).get("name").asText()).isEqualTo("cli");
    }

    @Test
    void aValueMeantForTheShellIsRefusedAndALogLinesEscapesArePrintedVisibly(MotoWorld moto, SandboxDatabase database, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path pwned = tmp.resolve("pwned");
        Environment cli = TestEstate.withDeploy(TestEstate.variant(TestEstate.environment(moto, database, "clish"), "clish", true, false),
                new dev.capstan.domain.DeploySettings(null, List.of("echo deploying {image}"), List.of()));
        Path file = Files.createDirectories(workspaces.resolve("clish")).resolve("capstan.yaml");
        new WorkspaceWriter().write(file, "test", List.of(cli));
        String ws = file.toString();
        moto.calls().reset();

        assertThat(run(moto, "--workspace", ws, "--env", "clish", "--yes", "--confirm-env", "clish", "deploy", "--image", "b7c8d9f;touch " + pwned))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'b7c8d9f;touch " + pwned + "' is not an image: give a tag");
        assertThat(pwned).doesNotExist();
        assertThat(moto.calls().changes()).as("requests that change something").isZero();
        assertThat(engine.runner.store().summaries("clish")).as("no journal pretends to be a run").isEmpty();

        var logs = moto.clients().logs(moto.target());
        logs.createLogStream(r -> r.logGroupName(cli.logGroup()).logStreamName("app/web/hostile"));
        logs.putLogEvents(r -> r.logGroupName(cli.logGroup()).logStreamName("app/web/hostile").logEvents(e -> e
                .timestamp(System.currentTimeMillis()).message("\u001b]0;owned\u0007\u001b[2Jcleared\rrewritten \u009b31m")));
        out.getBuffer().setLength(0);
        assertThat(run(moto, "--workspace", ws, "--env", "clish", "logs", "--group", cli.logGroup(), "--since", "5m")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\\e]0;owned\\x07\\e[2Jcleared\\x0drewritten \\u009b31m")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007").doesNotContain("\u009b");
        out.getBuffer().setLength(0);
        assertThat(run(moto, "--workspace", ws, "--env", "clish", "--output", "json", "logs", "--group", cli.logGroup(), "--since", "5m")).isZero();
        assertThat(out.toString()).doesNotContain("\u001b");
    }

    /** Values no field takes: each command below must refuse them with a sentence, exit 2, and send nothing that changes anything. */
    private static final java.util.LinkedHashMap<String, String> HOSTILE = new java.util.LinkedHashMap<>();

    static {
        HOSTILE.put("empty", "");
        HOSTILE.put("10,000 characters", "a".repeat(10_000));
        HOSTILE.put("newline", "a47c92f\nb");
        HOSTILE.put("NUL", "a47c\u0000b");
        HOSTILE.put("right-to-left", "\u202Ea47c92f");
        HOSTILE.put("escape sequence", "\u001b]0;pwned\u0007");
        HOSTILE.put("shell", "b7c8d9f;touch /tmp/pwned");
        HOSTILE.put("../ path", "../../etc/passwd");
        HOSTILE.put("negative", "-1");
        HOSTILE.put("huge", "99999999999999999999");
        HOSTILE.put("malformed ARN", "arn:aws:ecs:nowhere:task-definition/x:y");
        HOSTILE.put("malformed URI", "s3:/bucket//../x");
    }

    /**
     * A command with V where the hostile value goes, and the inputs that are a legitimate value there: a container's own command
     * words, a tag of twenty digits, a region row's name of digits.
     */
    private record Typed(String command, java.util.Set<String> legitimate) {
    }

    @Test
    void everyCommandRefusesHostileValuesAndChangesNothing(MotoWorld moto, SandboxDatabase database) throws Exception {
        String ws = workspace(moto, database).toString();
        java.util.Set<String> commandWords = java.util.Set.of("shell", "../ path", "negative", "huge", "malformed ARN", "malformed URI");
        List<Typed> commands = List.of(
                new Typed("deploy --image V", java.util.Set.of("huge")),
                new Typed("rollback --to V", java.util.Set.of()),
                new Typed("service scale --count V", java.util.Set.of()),
                new Typed("service scale --count 2 --timeout V", java.util.Set.of()),
                new Typed("restart --timeout V", java.util.Set.of()),
                new Typed("task run --command V --no-wait", commandWords),
                new Typed("s3 backup --uri V", java.util.Set.of()),
                new Typed("region set-uri --region OH --uri V", java.util.Set.of()),
                new Typed("region set-uri --region V --uri s3://cli-regions/regions/OH/next", java.util.Set.of()),
                new Typed("runbook run V", java.util.Set.of()),
                new Typed("runbook run update-region-data --param region=V", java.util.Set.of("negative", "huge")),
                new Typed("--env V deploys", java.util.Set.of()));
        List<String> table = new java.util.ArrayList<>();
        List<String> accepted = new java.util.ArrayList<>();
        for (Typed typed : commands) {
            StringBuilder row = new StringBuilder("| `" + typed.command() + "` |");
            for (var input : HOSTILE.entrySet()) {
                if (typed.legitimate().contains(input.getKey())) {
                    row.append(" legitimate |");
                    continue;
                }
                // A dry run: a value taken shows its plan and exits 0, changing nothing; a value refused exits 2 before any plan.
                List<String> args = new java.util.ArrayList<>(List.of("--workspace", ws, "--yes", "--dry-run"));
                if (!typed.command().startsWith("--env")) {
                    args.addAll(List.of("--env", "cli"));
                }
                for (String word : typed.command().split(" ")) {
                    args.add(word.equals("V") ? input.getValue() : word.replace("=V", "=" + input.getValue()));
                }
                moto.calls().reset();
                err.getBuffer().setLength(0);
                int exit = run(moto, args.toArray(String[]::new));
                String said = err.toString().strip();
                if (exit != 2 || moto.calls().changes() > 0 || said.isEmpty() || said.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
                    accepted.add(typed.command() + " with " + input.getKey() + ": exit " + exit + ", " + moto.calls().changes() + " changes, said "
                            + (said.length() > 200 ? said.substring(0, 200) : said));
                }
                row.append(exit == 2 ? " refused |" : " exit " + exit + " |");
            }
            table.add(row.toString());
        }
        System.out.println("| command | " + String.join(" | ", HOSTILE.keySet()) + " |\n" + String.join("\n", table));
        assertThat(accepted).as("hostile values a command took").isEmpty();
    }

    @Test
    void badInputIsAnsweredClearly(MotoWorld moto, SandboxDatabase database) throws Exception {
        assertThat(run(moto, "env", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("No workspace: pass --workspace FILE");

        assertThat(run(moto, "--workspace", "/no/such/capstan.yaml", "env", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");

        Path file = workspace(moto, database);
        assertThat(run(moto, "--workspace", file.toString(), "env", "check", "--env", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("No environment 'nope'").contains("cli, cli-broken");

        assertThat(run(moto, "profiles", "test", "ghost")).isEqualTo(2);
        assertThat(err.toString()).contains("No profile named 'ghost'");

        assertThat(run(moto, "profiles", "test", "no-region")).isEqualTo(2);
        assertThat(err.toString()).contains("has no region").contains("--region");
    }

    @Test
    void profilesAreListedAndTested(MotoWorld moto) {
        assertThat(run(moto, "profiles", "list")).isZero();
        assertThat(out.toString()).contains("moto").contains("static keys").doesNotContain("testing-secret");
        assertThat(run(moto, "profiles", "test", "moto")).isZero();
        assertThat(out.toString()).contains("arn:aws:sts::123456789012:");
        assertThat(run(moto, "profiles", "test", "no-region", "--region", "eu-west-1")).isZero();
    }
}
