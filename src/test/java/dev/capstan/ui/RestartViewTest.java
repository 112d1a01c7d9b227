package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.Environment;
import dev.capstan.ops.restart.RestartPicture;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.SchedulerLoop;
import dev.capstan.testworld.TargetHealthFaults;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The restart screen when the new tasks never get healthy: each target's reason is on screen, Cancel stops
 * the waiting, and "Put counts back" brings the service and its group back to where they were.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RestartViewTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private ConsoleFixture console;
    private SchedulerLoop scheduler;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCancelledRestartShowsWhyAndPutsTheCountsBack(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, TestEstate.spec("restartui").withLaunchType(EnvironmentSpec.EC2));
        scheduler = SchedulerLoop.start(moto, env.cluster());
        console = ConsoleFixture.open(moto, home, env);
        robot.clickOn("#nav-restart");
        TableView<RestartPicture.TargetRow> targets = robot.lookup("#restart-targets").queryAs(TableView.class);
        waitUntil("both old tasks are behind their targets", () -> targets.getItems().size() == 2);
        Set<String> oldTargets = new HashSet<>(fx(() -> targets.getItems().stream().map(r -> r.target().id()).toList()));
        moto.targetHealth().failChecksOf(id -> !oldTargets.contains(id));
        assertThat(fx(() -> robot.lookup("#restart-count").queryAs(TextField.class).getText())).isEqualTo("4");

        robot.clickOn("#restart-plan");
        waitUntil("the plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
        robot.clickOn("#confirm-run");
        waitUntil("the new targets show why they are unhealthy", () -> targets.getItems().stream()
                .filter(r -> !r.oldTask() && r.task() != null).filter(r -> r.stateWithReason().equals("unhealthy: " + TargetHealthFaults.FAILED_CHECKS))
                .count() == 2);
        assertThat(fx(() -> robot.lookup("#restart-old-remaining").queryAs(Label.class).getText())).isEqualTo("2");
        assertThat(fx(() -> robot.lookup("#restart-new-healthy").queryAs(Label.class).getText())).isEqualTo("0 of 2");
        FxTestSupport.screenshot(console.opened.stage().getScene(), Path.of("target/screenshots/restart-unhealthy-test.png"));

        robot.clickOn("#restart-cancel");
        waitUntil("the run is cancelled and offers the counts back", () -> robot.lookup("#restart-put-back").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        assertThat(fx(() -> robot.lookup("#restart-run-status").queryAs(Label.class).getText())).contains(", cancelled");
        robot.clickOn("#restart-put-back");
        waitUntil("the put-back plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
        FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), Path.of("target/screenshots/restart-put-back-plan-test.png"));
        robot.clickOn("#confirm-run");

        waitUntil("the desired counts are back", () -> "2".equals(robot.lookup("#restart-desired").queryAs(Label.class).getText())
                && robot.lookup("#restart-group").queryAs(Label.class).getText().endsWith("/ 2"));
        var group = moto.clients().autoScaling(moto.target()).describeAutoScalingGroups(r -> r.autoScalingGroupNames(env.autoScalingGroup()))
                .autoScalingGroups().get(0);
        assertThat(group.desiredCapacity()).isEqualTo(2);
    }
}
