package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.AppContext;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.config.UserDirectories;
import dev.capstan.sandbox.Sandbox;
import dev.capstan.ui.profiles.ProfilesModel;
import dev.capstan.ui.shell.ShellModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Starts the whole sandbox exactly as `capstan sandbox` does, walks the console through the views a
 * newcomer sees first, and photographs each into target/screenshots (the README's pictures come from here).
 */
class ReadmeScreenshotsTest {
    private static final Path OUT = Path.of("target/screenshots");
    @TempDir
    Path home;

    /** Waits for the plan dialog of the operation whose title starts so, and confirms it. */
    private static void confirmPlan(FxRobot robot, String title) {
        waitUntil("the plan of " + title, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w instanceof javafx.stage.Stage st && st.getTitle() != null && st.getTitle().contains(": " + title)));
        var button = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w.isShowing() && w instanceof javafx.stage.Stage st && st.getTitle() != null && st.getTitle().contains(": " + title))
                .map(w -> w.getScene().lookup("#confirm-run")).findFirst().orElseThrow());
        run(() -> ((javafx.scene.control.Button) button).fire());
    }

    /** Confirms the plan dialog in front: fired rather than clicked, as the robot can aim before a new dialog's layout pass. */
    /** Waits for the run Activity shows to have succeeded; if it does not, says where it stands, its steps and their last lines. */
    private static void waitForRun(FxTestSupport.Opened opened, String title) {
        try {
            waitUntil("the run " + title + " succeeded", () -> opened.app().activity().selectedProperty().get() != null
                    && opened.app().activity().selectedProperty().get().title().startsWith(title)
                    && opened.app().activity().selectedProperty().get().outcome() == dev.capstan.ops.RunOutcome.SUCCEEDED);
        } catch (AssertionError e) {
            var shown = fx(() -> opened.app().activity().selectedProperty().get());
            var said = new StringBuilder(e.getMessage()).append("; Activity shows ");
            if (shown == null) {
                said.append("no run");
            } else {
                said.append(shown.title()).append(": ").append(shown.outcome()).append(' ').append(shown.error());
                shown.steps().forEach(step -> said.append("\n  ").append(step.planned().sentence()).append(": ").append(step.state())
                        .append(" ").append(step.log().subList(Math.max(0, step.log().size() - 5), step.log().size())));
            }
            said.append("\nActivity lists first: ").append(fx(() -> opened.app().activity().runs().stream().limit(3)
                    .map(r -> r.id() + " " + r.title() + " " + r.outcome()).toList())).append(", the run to show: ")
                    .append(fx(() -> opened.app().activity().shownIdProperty().get()));
            said.append("\nActivity's message: ").append(fx(() -> opened.app().activity().messageProperty().get()))
                    .append("; the top bar's: ").append(fx(() -> opened.app().shell().messageProperty().get()))
                    .append("; background jobs under way: ").append(fx(() -> opened.app().work().runningProperty().get()))
                    .append(", the latest: ").append(fx(() -> opened.app().work().latestProperty().get()));
            said.append("\nWindows showing: ").append(fx(() -> javafx.stage.Window.getWindows().stream()
                    .map(w -> w instanceof javafx.stage.Stage st ? "\"" + st.getTitle() + "\"" : w.getClass().getSimpleName()).toList()));
            // Where the console's own threads are, should one of them be stuck.
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().startsWith("capstan-")) {
                    said.append("\n").append(thread.getName()).append(' ').append(thread.getState());
                    java.util.Arrays.stream(stack).limit(12).forEach(frame -> said.append("\n    at ").append(frame));
                }
            });
            throw new AssertionError(said.toString(), e);
        }
    }

    private static void confirm(FxRobot robot) {
        run(() -> robot.lookup("#confirm-run").queryButton().fire());
    }

    /** Waits for the manual step, types its note and ticks it. */
    private static void tick(FxRobot robot, String title, String note) {
        waitUntil("the manual step " + title, () -> robot.lookup("#runbook-waiting").tryQuery().map(n -> n.isVisible()
                && ((javafx.scene.layout.VBox) n).getChildren().get(0) instanceof Label l && l.getText().equals("Your turn: " + title)).orElse(false));
        if (!note.isEmpty()) {
            run(() -> robot.lookup("#runbook-note").queryAs(TextField.class).setText(note));
        }
        // Fired rather than clicked: on a busy machine the robot can aim at where the button was before the panel's layout pass.
        run(() -> robot.lookup("#runbook-tick").queryButton().fire());
        waitUntil("the tick of " + title + " is taken", () -> robot.lookup("#runbook-waiting").tryQuery().map(n -> !n.isVisible()
                || !(((javafx.scene.layout.VBox) n).getChildren().get(0) instanceof Label l && l.getText().equals("Your turn: " + title))).orElse(true));
    }

    /** The newest point of a graph's series, or -1 while it has none. */
    @SuppressWarnings("unchecked")
    private static double lastOf(FxRobot robot, String chart, String series) {
        javafx.scene.chart.LineChart<Number, Number> shown = robot.lookup(chart).queryAs(javafx.scene.chart.LineChart.class);
        return shown.getData().stream().filter(s -> series.equals(s.getName())).flatMap(s -> s.getData().stream())
                .reduce((first, second) -> second).map(d -> d.getYValue().doubleValue()).orElse(-1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSandboxConsoleAsANewcomerSeesIt() throws Exception {
        // Holds chosen targets unhealthy, so a picture of a deploy in progress is taken while it is in progress.
        dev.capstan.testworld.TargetHealthFaults health = new dev.capstan.testworld.TargetHealthFaults();
        // Holds the restart's StopTask while the walk photographs new tasks beside the old: a fast restart passes that state in a look or two.
        dev.capstan.testworld.WireGate stops = new dev.capstan.testworld.WireGate();
        // Throttles the restart's raise of its auto scaling group for a while, so the walk photographs a step riding it out.
        dev.capstan.aws.FaultInjector faults = new dev.capstan.aws.FaultInjector();
        try (Sandbox sandbox = Sandbox.start(Files.createDirectories(home.resolve("sandbox")), line -> { });
             AppContext context = new AppContext(new UserDirectories(home.resolve("config"), home.resolve("state"), home.resolve("cache")), Map.of(),
                     new ProfileCatalog(sandbox.awsConfig(), sandbox.awsCredentials()), AwsClientSettings.forLocalStandIn().withInterceptor(health).withInterceptor(stops).withInterceptor(faults)
                             .withInterceptor(sandbox.taskEndings()))) {
            FxTestSupport.Opened opened = FxTestSupport.open(context, sandbox.workspace());
            FxRobot robot = new FxRobot();
            try {
                var scene = opened.stage().getScene();
                waitUntil("STS has answered", () -> robot.lookup("#status-identity").queryAs(Label.class).getText().startsWith("arn:"));

                run(() -> opened.window().select(1));
                waitUntil("staging is checked", () -> robot.lookup("#check-summary").queryAs(Label.class).getText().equals("Every field checked out"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("environments-light.png"))).isNotEmptyFile();

                run(() -> opened.window().select(0));
                TableView<ProfilesModel.Row> table = fx(() -> robot.lookup("#profiles-table").queryAs(TableView.class));
                waitUntil("profiles are listed", () -> table.getItems().size() == 2);
                run(() -> table.getSelectionModel().select(0));
                robot.clickOn("#test-connection");
                run(() -> table.getSelectionModel().select(1));
                robot.clickOn("#test-connection");
                waitUntil("both tests have answered", () -> table.getItems().stream().allMatch(r -> r.stateProperty().get() != ProfilesModel.Row.State.TESTING
                        && r.stateProperty().get() != ProfilesModel.Row.State.UNTESTED));
                assertThat(robot.lookup("#profile-detail").queryAs(Label.class).getText()).contains("aws sso login --profile");
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("profiles-light.png"))).isNotEmptyFile();

                run(() -> opened.app().shell().themeProperty().set(ShellModel.Theme.DARK));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("profiles-dark.png"))).isNotEmptyFile();
                run(() -> opened.window().select(1));
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(1)));
                waitUntil("production is checked", () -> robot.lookup("#check-summary").queryAs(Label.class).getText().equals("Every field checked out"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("environments-dark.png"))).isNotEmptyFile();
                run(() -> opened.app().shell().themeProperty().set(ShellModel.Theme.LIGHT));

                // The resource views on staging.
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(0)));
                robot.clickOn("#nav-clusters");
                TableView<Object> services = fx(() -> robot.lookup("#services-table").queryAs(TableView.class));
                waitUntil("staging's services are read", () -> !services.getItems().isEmpty());
                run(() -> services.getSelectionModel().select(0));
                waitUntil("its tasks are listed", () -> !robot.lookup("#tasks-table").queryAs(TableView.class).getItems().isEmpty());
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("clusters-light.png"))).isNotEmptyFile();
                // The service's graphs from the hour the sandbox back-filled, in the dark theme.
                robot.clickOn("#service-graphs-tab");
                waitUntil("the service's CPU is graphed", () -> lastOf(robot, "#service-graphs-utilisation", "CPU") > 0);
                run(() -> opened.app().shell().themeProperty().set(ShellModel.Theme.DARK));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("clusters-graphs-dark.png"))).isNotEmptyFile();
                run(() -> opened.app().shell().themeProperty().set(ShellModel.Theme.LIGHT));
                robot.clickOn("#service-tasks-tab");
                robot.clickOn("#open-service-logs");
                waitUntil("the service's log lines flow in", () -> robot.lookup("#logs-list").queryAs(javafx.scene.control.ListView.class).getItems().size() >= 12);
                run(() -> robot.lookup("#logs-highlight").queryAs(javafx.scene.control.TextField.class).setText("HealthCheckService"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("logs-light.png"))).isNotEmptyFile();
                robot.clickOn("#logs-stop");
                robot.clickOn("#nav-clusters");
                robot.clickOn("#open-task-definition");
                waitUntil("the revisions are read", () -> robot.lookup("#revisions-table").queryAs(TableView.class).getItems().size() > 1);
                robot.clickOn("Diff");
                waitUntil("the diff is shown", () -> !robot.lookup("#diff-table").queryAs(TableView.class).getItems().isEmpty());
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("taskdefs-light.png"))).isNotEmptyFile();
                // The sandbox's compose file, read into a Fargate task definition with what changed and why, then registered.
                robot.clickOn("#compose-import");
                waitUntil("the import form is open", () -> robot.lookup("#compose-file").tryQuery().isPresent());
                run(() -> robot.lookup("#compose-file").queryAs(javafx.scene.control.TextField.class).setText(sandbox.composeExample().toString()));
                robot.clickOn("#compose-read");
                waitUntil("the findings are shown", () -> !robot.lookup("#compose-findings").queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
                assertThat(FxTestSupport.screenshot(robot.lookup("#compose-form").query().getScene(), OUT.resolve("compose-import.png"))).isNotEmptyFile();
                robot.clickOn("#compose-register");
                waitUntil("the import's plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
                confirm(robot);
                waitUntil("the import succeeded", () -> opened.app().activity().selectedProperty().get() != null
                        && opened.app().activity().selectedProperty().get().title().startsWith("Import compose.yaml as storefront")
                        && opened.app().activity().selectedProperty().get().outcome() == dev.capstan.ops.RunOutcome.SUCCEEDED);
                robot.clickOn("#nav-load-balancers");
                waitUntil("the active colour is shown", () -> robot.lookup("#active-colour").queryAs(Label.class).getText().startsWith("staging: BLUE"));
                TableView<Object> groups = fx(() -> robot.lookup("#target-groups-table").queryAs(TableView.class));
                run(() -> groups.getSelectionModel().select(groups.getItems().stream()
                        .filter(g -> ((dev.capstan.domain.TargetGroupInfo) g).healthy() > 0).findFirst().orElseThrow()));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("loadbalancers-light.png"))).isNotEmptyFile();

                // A rolling restart of staging (EC2, in an auto scaling group): the one screen while it runs, then the old tasks gone.
                robot.clickOn("#nav-restart");
                waitUntil("the restart form has its defaults", () -> "4".equals(robot.lookup("#restart-count").queryAs(TextField.class).getText()));
                robot.clickOn("#restart-health-line").write("HealthCheckService");
                robot.clickOn("#restart-plan");
                waitUntil("the restart plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
                assertThat(FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), OUT.resolve("restart-plan.png"))).isNotEmptyFile();
                stops.holdOperation("StopTask");
                faults.failWith("SetDesiredCapacity", "Throttling", 400, 1_000_000);
                confirm(robot);
                waitUntil("the restart rides out the throttled raise of its group", () -> robot.lookup("#restart-run-status").queryAs(Label.class)
                        .getText().contains("AWS throttled"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("restart-throttled.png"))).isNotEmptyFile();
                faults.clear();
                waitUntil("new tasks run beside the old ones", () -> robot.lookup("#restart-old-remaining").queryAs(Label.class).getText().equals("2")
                        && robot.lookup("#restart-new-healthy").queryAs(Label.class).getText().endsWith(" of 2")
                        && robot.lookup("#restart-targets").queryAs(TableView.class).getItems().size() >= 3);
                // The sandbox publishes the target group's healthy hosts as ELB would: the graph rises while new tasks run beside the old.
                waitUntil("the healthy-host graph rises", () -> lastOf(robot, "#restart-graphs-hosts", "Healthy") > 2);
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("restart-running.png"))).isNotEmptyFile();
                stops.release();
                waitUntil("the restart succeeded", () -> robot.lookup("#restart-run-status").queryAs(Label.class).getText().contains(", succeeded"));
                var restartRun = dev.capstan.testworld.Runs.records(context.operations().runner().store())
                        .filter(r -> r.operationType().equals(dev.capstan.ops.restart.RollingRestart.TYPE)).findFirst().orElseThrow();
                java.util.List<String> oldTasks = restartRun.facts().get("oldTasks");
                var stagingTasks = context.operations().restart().watch().look(opened.app().shell().environmentProperty().get(),
                        java.util.Set.copyOf(oldTasks), java.util.Set.of(), null, null, 0, new java.util.HashSet<>());
                assertThat(stagingTasks.tasks().stream().filter(t -> "RUNNING".equals(t.desiredStatus())).map(t -> t.arn()))
                        .as("the old tasks are gone").hasSize(2).doesNotContainAnyElementsOf(oldTasks);
                waitUntil("the healthy-host graph comes back down", () -> lastOf(robot, "#restart-graphs-hosts", "Healthy") == 2);
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("restart-done.png"))).isNotEmptyFile();

                // A colleague's console (a state folder of its own) scales staging to what it runs: Activity shows their run beside
                // this console's, read from the sandbox's history table.
                var colleagueEnv = opened.app().shell().environments().stream().filter(e -> e.name().equals("staging")).findFirst().orElseThrow();
                String colleagueRun;
                try (dev.capstan.ops.EngineWorld colleague = new dev.capstan.ops.EngineWorld(context.aws(), context.profiles(),
                        home.resolve("colleague/runs"), "sam@ops-laptop", () -> context.workspaceLoader().environmentsInUse(), java.time.Clock.systemUTC())) {
                    int desired = colleague.ecs.service(colleague.targets.of(colleagueEnv), colleagueEnv.cluster(), colleagueEnv.service()).desiredCount();
                    var scale = colleague.scale.scale(colleagueEnv, desired, java.time.Duration.ofMinutes(2));
                    var done = colleague.runner.start(scale, colleague.runner.plan(scale), dev.capstan.ops.Decision.yes(), dev.capstan.ops.RunListener.NONE)
                            .finished().get(3, java.util.concurrent.TimeUnit.MINUTES);
                    assertThat(done.outcome()).as(done.error()).isEqualTo(dev.capstan.ops.RunOutcome.SUCCEEDED);
                    assertThat(colleague.history.drain(java.time.Duration.ofSeconds(30))).isTrue();
                    colleagueRun = done.id();
                }

                // A scale of staging through the plan dialog (down: the group has room for no more), then Activity with the finished run.
                robot.clickOn("#nav-activity");
                run(() -> opened.app().activity().refresh());
                waitUntil("the colleague's run is listed with their console", () -> opened.app().activity().runs().stream()
                        .anyMatch(r -> r.id().equals(colleagueRun) && "sam@ops-laptop".equals(r.console())));
                waitUntil("Activity says the history is shared", () -> robot.lookup("#history-status").queryAs(Label.class).getText()
                        .startsWith("Shared with the team in capstan-history"));
                robot.clickOn("#scale-service");
                waitUntil("the scale form is open", () -> robot.lookup("#scale-count").tryQuery().isPresent());
                robot.clickOn("#scale-count").write("1");
                robot.clickOn("OK");
                waitUntil("the plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
                assertThat(FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), OUT.resolve("plan-dialog.png"))).isNotEmptyFile();
                confirm(robot);
                waitUntil("the scale-down succeeded", () -> opened.app().activity().selectedProperty().get() != null
                        && opened.app().activity().selectedProperty().get().title().startsWith("Scale")
                        && opened.app().activity().selectedProperty().get().outcome() == dev.capstan.ops.RunOutcome.SUCCEEDED);
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("activity-light.png"))).isNotEmptyFile();

                // A migration: the one-off task form, then the run watched to its exit code with the task's log lines.
                robot.clickOn("#run-task");
                waitUntil("the task form read its defaults", () -> robot.lookup("#task-definition-note").tryQuery()
                        .map(n -> ((Label) n).getText().contains(" runs ")).orElse(false));
                robot.clickOn(robot.lookup("#task-command").queryAs(javafx.scene.control.ComboBox.class).getEditor()).write("run,migration:run");
                assertThat(FxTestSupport.screenshot(robot.lookup("#task-form").query().getScene(), OUT.resolve("task-form.png"))).isNotEmptyFile();
                robot.clickOn("#task-plan");
                waitUntil("the plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
                confirm(robot);
                waitUntil("the migration exited 0", () -> robot.lookup("#run-exit-code").queryAs(Label.class).getText().startsWith("Exit code 0"));
                run(() -> robot.lookup("#run-steps").queryAs(javafx.scene.control.ListView.class).scrollTo(2));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("task-run.png"))).isNotEmptyFile();

                // The "Update region data" runbook walked from start to end: ticks, three operations with their plans, a check.
                var staging = opened.app().shell().environmentProperty().get();
                var next = context.operations().regionData().overview(staging).stream().filter(r -> !r.siblings().isEmpty()).findFirst().orElseThrow();
                robot.clickOn("#nav-runbooks");
                waitUntil("the runbooks are listed", () -> robot.lookup("#param-region").tryQuery().isPresent());
                run(() -> {
                    robot.lookup("#param-region").queryAs(TextField.class).setText(next.row().region());
                    robot.lookup("#param-uri").queryAs(TextField.class).setText(next.row().s3Uri());
                    robot.lookup("#param-from").queryAs(TextField.class).setText(next.siblings().get(0).toString());
                });
                robot.clickOn("#runbook-start");
                confirmPlan(robot, "Runbook \"Update region data\"");
                tick(robot, "Make a test map of " + next.row().region(), "https://maps.example.org/test-map");
                confirmPlan(robot, "Copy ");
                confirmPlan(robot, "Restart StagingApp");
                waitUntil("the restart is done and QA waits for its tick", () -> robot.lookup("#runbook-status").queryAs(Label.class).getText()
                        .startsWith("3 of 7 steps done") && robot.lookup("#runbook-waiting").query().isVisible());
                run(() -> robot.lookup("#runbook-note").queryAs(TextField.class).setText("block group and county edits work"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("runbook-running.png"))).isNotEmptyFile();
                tick(robot, "Check the test map of " + next.row().region(), "block group and county edits work");
                confirmPlan(robot, "Bump the version");
                tick(robot, "Record the update", "");
                waitUntil("the runbook is done", () -> robot.lookup("#runbook-status").queryAs(Label.class).getText()
                        .startsWith("7 of 7 steps done; finished by "));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("runbook-done.png"))).isNotEmptyFile();
                var walked = dev.capstan.testworld.Runs.records(context.operations().runner().store())
                        .filter(r -> r.operationType().equals(dev.capstan.ops.runbook.RunbookRun.TYPE)).findFirst().orElseThrow();
                assertThat(walked.outcome()).isEqualTo(dev.capstan.ops.RunOutcome.SUCCEEDED);
                assertThat(new dev.capstan.ops.runbook.RunbookRecord(java.time.ZoneOffset.UTC).markdown(walked))
                        .contains("Link to the test map: https://maps.example.org/test-map").contains("  - s3_uri expected " + next.row().s3Uri() + ": same");

                // Region data: the Regions view, a publish of the region whose next release waits beside its data.
                robot.clickOn("#nav-regions");
                TableView<dev.capstan.ops.publish.RegionOverview> regions = robot.lookup("#regions-table").queryAs(TableView.class);
                waitUntil("the regions are read", () -> regions.getItems().stream().anyMatch(r -> !r.siblings().isEmpty()));
                run(() -> regions.getSelectionModel().select(regions.getItems().stream().filter(r -> !r.siblings().isEmpty()).findFirst().orElseThrow()));
                robot.clickOn("#region-publish");
                waitUntil("the publish form is open", () -> robot.lookup("#publish-form").tryQuery().isPresent());
                robot.clickOn("#publish-form-plan");
                waitUntil("the publish plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
                assertThat(FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), OUT.resolve("regions-plan.png"))).isNotEmptyFile();
                confirm(robot);
                waitUntil("the publish succeeded", () -> opened.app().activity().selectedProperty().get() != null
                        && opened.app().activity().selectedProperty().get().title().startsWith("Publish region")
                        && opened.app().activity().selectedProperty().get().outcome() == dev.capstan.ops.RunOutcome.SUCCEEDED);
                robot.clickOn("#nav-regions");
                waitUntil("the new backup is listed", () -> regions.getItems().stream().anyMatch(r -> r.backups().size() == 1));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("regions-light.png"))).isNotEmptyFile();
                robot.clickOn("#nav-activity");

                // On production the plan asks for the environment's name before its button wakes up.
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(1)));
                robot.clickOn("#scale-service");
                waitUntil("the scale form is open", () -> robot.lookup("#scale-count").tryQuery().isPresent());
                robot.clickOn("#scale-count").write("4");
                robot.clickOn("OK");
                waitUntil("the plan is shown", () -> robot.lookup("#confirm-env-name").tryQuery().isPresent());
                assertThat(robot.lookup("#confirm-run").queryButton().isDisabled()).isTrue();
                robot.clickOn("#confirm-env-name").write("prod");
                assertThat(FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), OUT.resolve("plan-production.png"))).isNotEmptyFile();
                assertThat(robot.lookup("#confirm-run").queryButton().isDisabled()).isTrue();
                robot.clickOn("Cancel");

                // A blue/green deploy of production, watched on the Deploys page, then a rollback in one click.
                robot.clickOn("#nav-deploys");
                waitUntil("production's colours are read", () -> robot.lookup("#colour-blue").tryQuery()
                        .map(n -> ((Label) ((javafx.scene.layout.VBox) n).getChildren().get(0)).getText().startsWith("BLUE · serving")).orElse(false));
                var serving = new java.util.HashSet<String>();
                context.operations().blueGreen().picture(opened.app().shell().environmentProperty().get()).activeSide().tasks()
                        .forEach(t -> serving.addAll(t.addresses()));
                health.failChecksOf(id -> !serving.contains(id));
                robot.clickOn("#deploy-image").write("b7c8d9e");
                robot.clickOn("#deploy-start");
                waitUntil("the deploy plan is shown", () -> robot.lookup("#confirm-env-name").tryQuery().isPresent());
                robot.clickOn("#confirm-env-name").write("production");
                confirm(robot);
                waitUntil("the new task set is being waited for", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .contains("(blue/green): running, 4 of"));
                waitUntil("the new tasks show on the page", () -> robot.lookup("#deploy-steps").queryAs(javafx.scene.control.ListView.class).getItems()
                        .stream().anyMatch(line -> line.toString().contains("new tasks: 3 of 3 RUNNING")));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("deploy-running.png"))).isNotEmptyFile();
                health.clear();
                waitUntil("the deploy succeeded", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .startsWith("Deploy productionapp:b7c8d9e to production (blue/green): succeeded"));
                waitUntil("green serves and blue's old set can take the traffic back", () -> !robot.lookup("#rollback").queryButton().isDisabled()
                        && ((Label) ((javafx.scene.layout.VBox) robot.lookup("#colour-green").query()).getChildren().get(0)).getText().startsWith("GREEN · serving"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("deploys-rollback.png"))).isNotEmptyFile();
                robot.clickOn("#rollback");
                waitUntil("the rollback plan is shown", () -> robot.lookup("#confirm-env-name").tryQuery().isPresent());
                robot.clickOn("#confirm-env-name").write("production");
                confirm(robot);
                waitUntil("the rollback succeeded and blue serves again", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .startsWith("Roll back production (blue/green): succeeded")
                        && ((Label) ((javafx.scene.layout.VBox) robot.lookup("#colour-blue").query()).getChildren().get(0)).getText().startsWith("BLUE · serving"));
                var production = opened.app().shell().environmentProperty().get();
                var after = context.operations().blueGreen().picture(production);
                assertThat(after.active()).isEqualTo(dev.capstan.ops.bluegreen.Colour.BLUE);
                assertThat(after.activeSide().taskSet().orElseThrow().primary()).isTrue();

                // Staging rolls with the ECS controller: a deploy watched while ECS replaces the tasks (its migration first), a broken
                // build the circuit breaker sends back, then a rollback to the last known good revision, its diff in the plan.
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(0)));
                waitUntil("staging's rollout is read", () -> robot.lookup("#rolling-revisions").tryQuery()
                        .map(n -> n.isVisible() && ((Label) n).getText().startsWith("Settled: every task runs StagingApp:")).orElse(false));
                var rollingStaging = opened.app().shell().environmentProperty().get();
                var stagingServing = new java.util.HashSet<String>();
                context.operations().rolling().picture(rollingStaging).live().forEach(t -> stagingServing.addAll(t.addresses()));
                health.failChecksOf(id -> !stagingServing.contains(id));
                run(() -> robot.lookup("#deploy-image").queryAs(TextField.class).setText("b7c8d9e"));
                run(() -> robot.lookup("#deploy-start").queryButton().fire());
                waitUntil("the deploy plan is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
                confirm(robot);
                // The new targets are held unhealthy, so the rollout stays under way (its watch waiting for them) however fast ECS plays it.
                waitUntil("a new task runs, its target not yet healthy", () -> robot.lookup("#rolling-revisions").queryAs(Label.class).getText()
                        .matches("Rollout under way: StagingApp:\\d+ \\(new\\) [1-9]\\d* running.*")
                        && robot.lookup("#deploy-status").queryAs(Label.class).getText().contains("(rolling): running"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("deploy-rolling.png"))).isNotEmptyFile();
                health.clear();
                waitUntil("the rolling deploy succeeded", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .startsWith("Deploy stagingapp:b7c8d9e to staging (rolling): succeeded"));

                run(() -> robot.lookup("#deploy-image").queryAs(TextField.class).setText("c8d9e0f-broken"));
                run(() -> robot.lookup("#deploy-start").queryButton().fire());
                waitUntil("the deploy plan is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
                confirm(robot);
                waitUntil("the circuit breaker rolled the broken build back", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .startsWith("Deploy stagingapp:c8d9e0f-broken to staging (rolling): failed"));
                assertThat(robot.lookup("#deploy-status").queryAs(Label.class).getText()).contains("ECS rolled the deploy back to StagingApp:")
                        .contains("exited 1").contains("Cannot find module");
                waitUntil("the history lists both deploys", () -> robot.lookup("#rolling-history").queryAs(TableView.class).getItems().size() == 2);
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("deploy-breaker.png"))).isNotEmptyFile();

                waitUntil("a rollback to the revision before the first deploy is offered", () -> !robot.lookup("#rollback").queryButton().isDisabled()
                        && robot.lookup("#rollback").queryButton().getText().startsWith("Roll back to StagingApp:"));
                run(() -> robot.lookup("#rollback").queryButton().fire());
                waitUntil("the rollback plan with its diff is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
                assertThat(FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), OUT.resolve("rollback-plan.png"))).isNotEmptyFile();
                confirm(robot);
                try {
                    waitUntil("the rollback succeeded", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                            .startsWith("Roll back staging to StagingApp:") && robot.lookup("#deploy-status").queryAs(Label.class).getText().contains(": succeeded"));
                } catch (AssertionError e) {
                    // What the page said, so a failure here tells why without a rerun.
                    throw new AssertionError(e.getMessage() + "; the page says: " + fx(() -> robot.lookup("#deploy-status").queryAs(Label.class).getText())
                            + " / " + fx(() -> robot.lookup("#deploy-steps").queryAs(javafx.scene.control.ListView.class).getItems()), e);
                }
                assertThat(context.operations().rolling().rollout(rollingStaging).taskDefinition()).isNotEqualTo(
                        context.operations().rolling().history().deploys(rollingStaging.name()).stream().filter(d -> !d.rollback() && d.succeeded())
                                .findFirst().orElseThrow().revision());

                // The production API deploys through CodeDeploy, which waits for someone to reroute traffic: a deploy watched to the
                // wait, then approved from the page.
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(2)));
                waitUntil("the CodeDeploy group is read", () -> robot.lookup("#codedeploy-group").tryQuery()
                        .map(n -> n.isVisible() && ((Label) n).getText().contains("CodeDeploy AppECS-ecsApiCluster-ProductionApi")).orElse(false));
                run(() -> robot.lookup("#deploy-image").queryAs(TextField.class).setText("d1e2f3a"));
                run(() -> robot.lookup("#deploy-start").queryButton().fire());
                waitUntil("the deploy plan is shown", () -> robot.lookup("#confirm-env-name").tryQuery().isPresent());
                robot.clickOn("#confirm-env-name").write("production-api");
                confirm(robot);
                waitUntil("the replacement waits for someone to reroute traffic", () -> robot.lookup("#deploy-approve").queryButton().isVisible()
                        && robot.lookup("#codedeploy-deployment").queryAs(Label.class).getText().contains("waiting for someone to reroute production traffic"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("codedeploy-waiting.png"))).isNotEmptyFile();
                run(() -> robot.lookup("#deploy-approve").queryButton().fire());
                waitUntil("the approval's plan is shown", () -> robot.lookup("#confirm-env-name").tryQuery().isPresent());
                robot.clickOn("#confirm-env-name").write("production-api");
                confirm(robot);
                waitUntil("the approval ran and the replacement serves", () -> robot.lookup("#deploy-status").queryAs(Label.class).getText()
                        .startsWith("Reroute traffic to the replacement of production-api") && robot.lookup("#deploy-status").queryAs(Label.class)
                        .getText().contains(": succeeded") && robot.lookup("#codedeploy-deployment").queryAs(Label.class).getText().contains("Succeeded"));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("codedeploy-approved.png"))).isNotEmptyFile();
                var api = opened.app().shell().environmentProperty().get();
                var deployed = context.operations().deploys().codeDeploys().picture(api);
                assertThat(deployed.current().succeeded()).isTrue();
                assertThat(deployed.image()).endsWith(":d1e2f3a");

                // A branch environment of staging: made from its form (seeded, healthy, then its rule), listed, then destroyed.
                run(() -> opened.app().shell().environmentProperty().set(opened.app().shell().environments().get(0)));
                robot.clickOn("#nav-branches");
                robot.clickOn("#branch-new");
                waitUntil("the branch form is open", () -> robot.lookup("#branch-name").tryQuery().isPresent());
                robot.clickOn("#branch-name").write("login-fix");
                robot.clickOn("#branch-image").write("e4f5a6b");
                assertThat(FxTestSupport.screenshot(robot.lookup("#branch-form").query().getScene(), OUT.resolve("branch-form.png"))).isNotEmptyFile();
                robot.clickOn("#branch-plan");
                waitUntil("the branch's plan is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
                confirm(robot);
                waitForRun(opened, "Create branch environment login-fix");
                robot.clickOn("#nav-branches");
                TableView<dev.capstan.ops.branch.BranchEnvironment> branchTable = robot.lookup("#branches-table").queryAs(TableView.class);
                waitUntil("the branch is listed healthy", () -> branchTable.getItems().stream().anyMatch(b -> b.name().equals("login-fix")
                        && b.health().equals("1 of 1 running, 1 of 1 targets healthy")));
                run(() -> branchTable.getSelectionModel().select(0));
                assertThat(FxTestSupport.screenshot(scene, OUT.resolve("branches-light.png"))).isNotEmptyFile();
                robot.clickOn("#branch-destroy");
                waitUntil("the destroy's plan is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
                confirm(robot);
                waitForRun(opened, "Destroy branch environment login-fix");
                assertThat(context.operations().branches().list(opened.app().shell().environmentProperty().get())).isEmpty();
            } finally {
                stops.release();
                FxTestSupport.close(opened);
            }
        }
    }
}
