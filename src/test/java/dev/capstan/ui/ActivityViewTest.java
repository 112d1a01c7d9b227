package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.AppContext;
import dev.capstan.app.Launcher;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.config.UserDirectories;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The capstan CLI, in a process of its own, is killed with SIGKILL while it waits for a scale-up. The
 * console, opened afterwards, says a run was interrupted, offers Resume, resumes it through the plan
 * dialog, and exports the finished run as Markdown.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ActivityViewTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private AppContext context;
    private FxTestSupport.Opened opened;

    @AfterEach
    void close() throws Exception {
        scheduler.shutdownNow();
        if (opened != null) {
            FxTestSupport.close(opened);
        }
        if (context != null) {
            context.close();
        }
    }

    private Map<String, String> userEnvironment(MotoWorld moto) {
        return Map.of("XDG_STATE_HOME", home.resolve("state").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "AWS_CONFIG_FILE", moto.awsConfig().toString(), "AWS_SHARED_CREDENTIALS_FILE", moto.awsCredentials().toString());
    }

    private Path runsFolder() {
        return home.resolve("state/capstan/runs");
    }

    /** Starts `capstan service scale` in its own JVM and kills it with SIGKILL once it is waiting for the tasks. */
    private void interruptAScaleUp(MotoWorld moto, Path workspace) throws Exception {
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--workspace", workspace.toString(), "--env", "ops", "--yes", "service", "scale", "--count", "3")
                .redirectErrorStream(true).redirectOutput(home.resolve("cli.log").toFile());
        cli.environment().putAll(userEnvironment(moto));
        Process process = cli.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!journalMentions("\"event\":\"started\",\"id\":\"wait-running\"")) {
            assertThat(System.nanoTime()).as("the CLI reached the wait step; its output: " + home.resolve("cli.log")).isLessThan(deadline);
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
    }

    private boolean journalMentions(String text) {
        if (!Files.isDirectory(runsFolder())) {
            return false;
        }
        try (var files = Files.list(runsFolder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                if (Files.readString(file).contains(text)) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInterruptedRunIsOfferedForResumeAndExportsAsMarkdown(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment ops = TestEstate.environment(moto, database, "ops");
        Path workspace = home.resolve("capstan.yaml");
        new WorkspaceWriter().write(workspace, "activity test", List.of(ops));
        interruptAScaleUp(moto, workspace);

        context = new AppContext(UserDirectories.fromEnvironment(userEnvironment(moto)), Map.of(), moto.catalog(), AwsClientSettings.forLocalStandIn());
        opened = FxTestSupport.open(context, workspace);
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 1);
        waitUntil("the interrupted run is reported", () -> !opened.app().activity().interruptedProperty().get().isEmpty());
        assertThat(fx(() -> opened.app().shell().messageProperty().get())).contains("1 run was interrupted: Scale ops-web on ops to 3")
                .contains("Open Activity, then Resume or Start over");

        robot.clickOn("#nav-activity");
        waitUntil("the Activity view lists the run", () -> robot.lookup("#runs-table").queryAs(TableView.class).getItems().size() == 1);
        assertThat(fx(() -> robot.lookup("#interrupted-banner").queryAs(Label.class).isVisible())).isTrue();
        waitUntil("the lock line shows the dead run's lock", () -> robot.lookup("#lock-status").queryAs(Label.class).getText()
                .contains("held by"));
        waitUntil("Activity says once that the history is this machine's", () -> robot.lookup("#history-status").queryAs(Label.class).getText()
                .startsWith("History is local to this machine: ops names no historyTable"));
        robot.clickOn("INTERRUPTED");
        waitUntil("Resume is offered", () -> !robot.lookup("#resume-run").queryAs(Button.class).isDisabled());
        assertThat(fx(() -> robot.lookup("#start-over-run").queryAs(Button.class).isDisabled())).isFalse();
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/activity-interrupted.png"));

        EcsScheduler ecs = new EcsScheduler(moto.clients(), moto.target(), List.of(ops.cluster()));
        scheduler.scheduleWithFixedDelay(ecs::reconcileOnce, 0, 300, TimeUnit.MILLISECONDS);
        robot.clickOn("#resume-run");
        waitUntil("the plan dialog is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
        FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), Path.of("target/screenshots/plan-dialog-test.png"));
        robot.clickOn("#confirm-run");

        waitUntil("the resumed run succeeds", () -> {
            RunRecord run = opened.app().activity().selectedProperty().get();
            return run != null && run.outcome() == RunOutcome.SUCCEEDED;
        });
        RunRecord done = fx(() -> opened.app().activity().selectedProperty().get());
        assertThat(done.history()).anyMatch(line -> line.contains("resumed by"));

        robot.clickOn("Markdown");
        String markdown = fx(() -> robot.lookup("#run-markdown").queryAs(TextArea.class).getText());
        assertThat(markdown).startsWith("## Scale ops-web on ops to 3: SUCCEEDED")
                .contains("- [x] 2. Set desired count of ops-web from 2 to 3 (2 → 3)")
                .contains("- [x] 3. Wait until ops-web runs 3 tasks").contains("originalDesiredCount: `2`")
                .contains("resumed by");
        Path saved = home.resolve("run.md");
        FxTestSupport.run(() -> {
            try {
                opened.app().activity().export(saved, false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.readString(saved)).isEqualTo(markdown);
        robot.clickOn("#open-run-log");
        waitUntil("the Logs view shows the run's own log", () -> robot.lookup("#logs-list").queryAs(javafx.scene.control.ListView.class)
                .getItems().stream().anyMatch(e -> ((dev.capstan.domain.LogEvent) e).message().equals("running 3, on their way 0, wanted 3")));
        waitUntil("it says the run is over", () -> robot.lookup("#logs-state").queryAs(Label.class).getText().startsWith("run succeeded"));
        robot.clickOn("#nav-activity");
        waitUntil("the top bar no longer reports an interrupted run", () -> opened.app().shell().messageProperty().get().isEmpty());
        waitUntil("the lock is free again", () -> robot.lookup("#lock-status").queryAs(Label.class).getText().contains("is free"));
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/activity-markdown.png"));

        // A run started here is shown at once, whatever was shown before; choosing the older run in the list shows it, and news
        // of the newer one does not take its place.
        robot.clickOn("#scale-service");
        waitUntil("the scale form is open", () -> robot.lookup("#scale-count").tryQuery().isPresent());
        robot.clickOn("#scale-count").write("2");
        robot.clickOn("OK");
        waitUntil("the scale's plan is shown", () -> robot.lookup("#confirm-run").tryQuery().isPresent());
        robot.clickOn("#confirm-run");
        waitUntil("the new run is shown, succeeded", () -> {
            RunRecord run = opened.app().activity().selectedProperty().get();
            return run != null && !run.id().equals(done.id()) && run.outcome() == RunOutcome.SUCCEEDED;
        });
        TableView<dev.capstan.ops.RunSummary> runs = robot.lookup("#runs-table").queryAs(TableView.class);
        FxTestSupport.run(() -> runs.getSelectionModel().select(runs.getItems().stream().filter(r -> r.id().equals(done.id())).findFirst().orElseThrow()));
        waitUntil("the older run is shown", () -> done.id().equals(opened.app().activity().selectedProperty().get().id()));
        FxTestSupport.run(() -> opened.app().activity().refresh());
        waitUntil("it stays shown, its row selected, after the list is read again", () -> opened.app().activity().runs().size() == 2
                && runs.getSelectionModel().getSelectedItem() != null && done.id().equals(runs.getSelectionModel().getSelectedItem().id()));
        assertThat(fx(() -> opened.app().activity().selectedProperty().get().id())).isEqualTo(done.id());
    }
}
