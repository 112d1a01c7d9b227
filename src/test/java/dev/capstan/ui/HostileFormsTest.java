package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The console's forms, headless, given what no field takes: an image with a shell command and an escape sequence on the Deploys
 * page (JavaFX's text fields drop control characters as they are set; the shell command is refused), a 9,000-character
 * command in the one-off task form. Each is refused with its sentence, and nothing that changes anything is sent.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class HostileFormsTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private ConsoleFixture console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFormsRefuseHostileValuesAndSendNothing(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, "hostile");
        console = ConsoleFixture.open(moto, home, env);
        moto.calls().reset();

        robot.clickOn("#nav-deploys");
        waitUntil("the rollout is read", () -> robot.lookup("#rolling-revisions").tryQuery().map(n -> n.isVisible()).orElse(false));
        FxTestSupport.run(() -> robot.lookup("#deploy-image").queryAs(TextField.class).setText("b7c8d9f;touch /tmp/pwned\u001b]0;owned\u0007"));
        FxTestSupport.run(() -> robot.lookup("#deploy-start").queryAs(Button.class).fire());
        waitUntil("the deploy is refused", () -> !fx(() -> robot.lookup("#deploys-problem").queryAs(Label.class).getText()).isEmpty());
        assertThat(fx(() -> robot.lookup("#deploys-problem").queryAs(Label.class).getText()))
                .contains("'b7c8d9f;touch /tmp/pwned]0;owned' is not an image: give a tag").doesNotContain("\u001b");
        assertThat(robot.lookup("#confirm-run").tryQuery()).as("no plan is offered").isEmpty();

        robot.clickOn("#nav-clusters");
        waitUntil("the service is listed", () -> robot.lookup(env.service()).tryQuery().isPresent());
        robot.clickOn(env.service());
        waitUntil("Run task is offered for the service", () -> !robot.lookup("#run-task-from-service").queryAs(Button.class).isDisabled());
        robot.clickOn("#run-task-from-service");
        waitUntil("the form is open", () -> robot.lookup("#task-command").tryQuery().isPresent());
        FxTestSupport.run(() -> robot.lookup("#task-command").queryAs(ComboBox.class).getEditor().setText("run," + "x".repeat(9000)));
        waitUntil("the command is refused", () -> fx(() -> robot.lookup("#task-command-json").queryAs(Label.class).getText())
                .contains("ECS takes at most 8192"));
        assertThat(fx(() -> robot.lookup("#task-plan").queryAs(Button.class).isDisabled())).isTrue();

        assertThat(moto.calls().changes()).as("requests that change something").isZero();
        assertThat(console.runs().summaries("hostile")).as("no run was journaled").isEmpty();
    }
}
