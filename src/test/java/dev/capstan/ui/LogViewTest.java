package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** The Logs view following a service in moto while lines are written to its tasks' streams. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class LogViewTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private ConsoleFixture console;
    private FxTestSupport.Opened opened;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void write(MotoWorld moto, Environment env, String stream, String... messages) {
        var logs = moto.clients().logs(moto.target());
        if (logs.describeLogStreams(r -> r.logGroupName(env.logGroup()).logStreamNamePrefix(stream)).logStreams().isEmpty()) {
            logs.createLogStream(r -> r.logGroupName(env.logGroup()).logStreamName(stream));
        }
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (String m : messages) {
            events.add(InputLogEvent.builder().timestamp(now).message(m).build());
        }
        logs.putLogEvents(r -> r.logGroupName(env.logGroup()).logStreamName(stream).logEvents(events));
    }

    @Test
    @SuppressWarnings("unchecked")
    void followsAServiceWithoutLosingOrRepeatingLinesPausesAndCapsTheLines(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment orders = TestEstate.environment(moto, database, "orders");
        console = ConsoleFixture.open(moto, home, orders);
        opened = console.opened;
        String prefix = "app/" + orders.container() + "/";
        write(moto, orders, prefix + "task-a", "INFO starting", "HealthCheckService: ok");
        write(moto, orders, "other/stream", "a line of another container, not this service's");

        robot.clickOn("#nav-logs");
        robot.clickOn("#logs-follow");
        ListView<LogEvent> list = fx(() -> robot.lookup("#logs-list").queryAs(ListView.class));
        waitUntil("the service's lines show", () -> list.getItems().size() == 2);
        waitUntil("the view says it is live", () -> robot.lookup("#logs-state").queryAs(Label.class).getText().startsWith("live"));

        write(moto, orders, prefix + "task-b", "ERROR payment gateway timed out", "WARN retrying");
        waitUntil("new lines appear", () -> list.getItems().size() == 4);

        robot.clickOn("#logs-pause");
        write(moto, orders, prefix + "task-a", "written while paused");
        waitUntil("the view says a line waits", () -> robot.lookup("#logs-state").queryAs(Label.class).getText().equals("paused: 1 line waiting"));
        assertThat(fx(() -> list.getItems().size())).isEqualTo(4);
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/logs-paused-test.png"));
        robot.clickOn("#logs-pause");
        waitUntil("the paused line shows after resuming", () -> list.getItems().size() == 5);
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/logs-test.png"));

        for (int batch = 0; batch < 10; batch++) {
            String[] lines = new String[300];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = "batch " + batch + " line " + i;
            }
            write(moto, orders, prefix + "task-" + (batch % 3), lines);
        }
        waitUntil("all 3,005 lines show", () -> list.getItems().size() == 3005);
        // A line written after all of them shows after every look that could have repeated one of them.
        write(moto, orders, prefix + "task-b", "written after the batches");
        waitUntil("the line after the batches shows", () -> !list.getItems().isEmpty()
                && list.getItems().get(list.getItems().size() - 1).message().equals("written after the batches"));
        List<LogEvent> shown = fx(() -> List.copyOf(list.getItems()));
        assertThat(shown).hasSize(3006);
        assertThat(new HashSet<>(shown.stream().map(LogEvent::id).toList())).hasSize(3006);
        assertThat(shown).noneMatch(e -> e.message().contains("another container"));

        TextField keep = fx(() -> robot.lookup("#logs-cap").queryAs(TextField.class));
        run(() -> keep.setText("1000"));
        robot.clickOn("#logs-cap").press(KeyCode.ENTER).release(KeyCode.ENTER);
        write(moto, orders, prefix + "task-a", "one more");
        waitUntil("the cap keeps 1,000 lines", () -> list.getItems().size() == 1000);
        assertThat(fx(() -> list.getItems().get(999).message())).isEqualTo("one more");
        assertThat(fx(() -> robot.lookup("#logs-dropped").queryAs(Label.class).getText())).isEqualTo("2007 older lines dropped (keeping 1000)");
    }
}
