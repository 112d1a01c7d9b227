package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TaskHarness;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * The one-off task form, headless: opened from a service in the Clusters view, filled in (the command
 * typed the console's comma way, shown as the JSON array it sends), planned, confirmed; the run is then
 * watched in Activity to the task's exit code and last lines.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class TaskRunFormTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final ScheduledExecutorService harness = Executors.newSingleThreadScheduledExecutor();
    private ConsoleFixture console;

    @AfterEach
    void close() throws Exception {
        harness.shutdownNow();
        if (console != null) {
            console.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFormIsFilledPlannedAndConfirmedAndTheRunShowsTheExitCode(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, "taskform");
        console = ConsoleFixture.open(moto, home, env);
        TaskHarness.play(moto, env.cluster(), 3, harness);

        robot.clickOn("#nav-clusters");
        waitUntil("the service is listed", () -> robot.lookup(env.service()).tryQuery().isPresent());
        robot.clickOn(env.service());
        waitUntil("Run task is offered for the service", () -> !robot.lookup("#run-task-from-service").queryAs(Button.class).isDisabled());
        robot.clickOn("#run-task-from-service");
        waitUntil("the form read the service's defaults", () -> robot.lookup("#task-definition-note").tryQuery()
                .map(n -> ((Label) n).getText().contains(env.service() + " runs ")).orElse(false));

        ComboBox<String> taskDefinition = robot.lookup("#task-definition").queryAs(ComboBox.class);
        String running = new dev.capstan.aws.SdkEcsGateway(moto.clients()).service(moto.target(), env.cluster(), env.service()).taskDefinition();
        assertThat(fx(taskDefinition::getValue)).isEqualTo(dev.capstan.domain.TaskDefinitionNames.familyRevision(running));
        assertThat(fx(() -> robot.lookup("#task-container").queryAs(ComboBox.class).getValue())).isEqualTo("web");
        assertThat(fx(() -> robot.lookup("#task-subnets").queryAs(TextField.class).getText()))
                .isEqualTo(String.join(", ", env.network().subnets()));
        Button plan = robot.lookup("#task-plan").queryAs(Button.class);
        assertThat(fx(plan::isDisabled)).as("no command yet").isTrue();

        robot.clickOn(robot.lookup("#task-command").queryAs(ComboBox.class).getEditor()).write("sh -c 'echo hi");
        assertThat(fx(() -> robot.lookup("#task-command-json").queryAs(Label.class).getText())).contains("is never closed");
        assertThat(fx(plan::isDisabled)).isTrue();
        FxTestSupport.run(() -> robot.lookup("#task-command").queryAs(ComboBox.class).getEditor().setText("run,migration:run"));
        assertThat(fx(() -> robot.lookup("#task-command-json").queryAs(Label.class).getText()))
                .startsWith("[\"run\",\"migration:run\"]").contains("comma-separated");
        robot.clickOn("#task-env").write("LOG_LEVEL=debug");
        assertThat(fx(plan::isDisabled)).isFalse();
        Node form = robot.lookup("#task-form").query();
        FxTestSupport.screenshot(form.getScene(), Path.of("target/screenshots/task-form.png"));

        robot.clickOn("#task-plan");
        waitUntil("the plan dialog is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#plan-dialog").queryAs(javafx.scene.control.DialogPane.class).getContent()).toString()).isNotEmpty();
        robot.clickOn("#confirm-run");

        waitUntil("the run ends", () -> {
            RunRecord run = console.opened.app().activity().selectedProperty().get();
            return run != null && run.outcome() == RunOutcome.FAILED;
        });
        waitUntil("the exit code is shown", () -> robot.lookup("#run-exit-code").queryAs(Label.class).getText().startsWith("Exit code 3"));
        RunRecord run = fx(() -> console.opened.app().activity().selectedProperty().get());
        assertThat(run.error()).contains("container web exited 3").contains(TaskHarness.SCRIPT.get(2));
        assertThat(fx(() -> robot.lookup("#run-exit-code").queryAs(Label.class).isVisible())).isTrue();
        RunTaskRequest sent = moto.faults().requests("RunTask").stream().map(RunTaskRequest.class::cast)
                .filter(r -> run.id().equals(r.startedBy())).findFirst().orElseThrow();
        assertThat(sent.overrides().containerOverrides().get(0).command()).isEqualTo(List.of("run", "migration:run"));
        assertThat(sent.overrides().containerOverrides().get(0).environment()).singleElement()
                .satisfies(kv -> assertThat(kv.name() + "=" + kv.value()).isEqualTo("LOG_LEVEL=debug"));
        FxTestSupport.screenshot(console.opened.stage().getScene(), Path.of("target/screenshots/task-run-failed.png"));
        assertThat(fx(() -> robot.lookup("#run-markdown").queryAs(TextArea.class).getText())).contains("exitCode: `3`");
    }
}
