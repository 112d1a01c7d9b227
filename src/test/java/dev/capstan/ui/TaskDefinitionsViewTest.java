package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ops.taskdefs.TaskDefDiff;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** The Task definitions view against moto: revisions, a diff, the readiness findings of an EC2-era revision, masked secrets. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class TaskDefinitionsViewTest {
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

    @Test
    @SuppressWarnings("unchecked")
    void diffsTwoRevisionsAndExplainsWhyAnEc2RevisionIsNotReadyForFargate(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment billing = TestEstate.environment(moto, database, "billing");
        // The revision a team had before moving to Fargate: bridge networking, links, a host port, local logs, a password in plain sight.
        moto.clients().ecs(moto.target()).registerTaskDefinition(r -> r.family("billing-web").networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("web").image("registry.example/billing:legacy").memory(900).essential(true).links("db")
                        .portMappings(p -> p.containerPort(3000).hostPort(8080))
                        .environment(e -> e.name("DB_PASSWORD").value("hunter2"), e -> e.name("MODE").value("legacy"))));
        console = ConsoleFixture.open(moto, home, billing);
        opened = console.opened;
        robot.clickOn("#nav-task-definitions");

        ListView<String> families = fx(() -> robot.lookup("#families-list").queryAs(ListView.class));
        waitUntil("the families are listed", () -> families.getItems().contains("billing-web"));
        TableView<TaskDefRevision> revisions = fx(() -> robot.lookup("#revisions-table").queryAs(TableView.class));
        waitUntil("the revisions are listed, newest first", () -> revisions.getItems().size() == 3 && revisions.getItems().get(0).revision() == 3);

        robot.clickOn("Fargate readiness");
        ListView<Finding> findings = fx(() -> robot.lookup("#readiness-findings").queryAs(ListView.class));
        waitUntil("the legacy revision's findings show", () -> findings.getItems().size() >= 5);
        assertThat(fx(() -> findings.getItems().stream().map(Finding::sentence).toList()))
                .anyMatch(s -> s.startsWith("Network mode is bridge; Fargate needs awsvpc"))
                .anyMatch(s -> s.startsWith("Container web uses links [db]"))
                .anyMatch(s -> s.startsWith("Container web maps host port 8080 to 3000"))
                .anyMatch(s -> s.startsWith("The task has no task-level cpu and memory"));

        robot.clickOn("Diff");
        TableView<TaskDefDiff.Row> diff = fx(() -> robot.lookup("#diff-table").queryAs(TableView.class));
        waitUntil("the diff against revision 2 shows", () -> !diff.getItems().isEmpty());
        assertThat(fx(() -> diff.getItems().stream().map(TaskDefDiff.Row::field).toList()))
                .contains("revision", "networkMode", "web.image", "web.ports", "web.env.DB_PASSWORD");
        assertThat(fx(() -> diff.getItems().stream().map(r -> r.left() + r.right()).toList())).noneMatch(s -> s.contains("hunter2"));
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/taskdefs-test.png"));

        robot.clickOn("Containers");
        TextArea containers = fx(() -> robot.lookup("#taskdef-containers").queryAs(TextArea.class));
        String masked = fx(containers::getText);
        assertThat(masked).contains("env     DB_PASSWORD = ••••••••").contains("env     MODE = legacy");
        robot.clickOn("#reveal-secrets");
        String revealed = fx(containers::getText);
        assertThat(revealed).contains("env     DB_PASSWORD = hunter2");

        run(() -> revisions.getSelectionModel().select(1));
        robot.clickOn("JSON");
        assertThat(fx(() -> robot.lookup("#taskdef-json").queryAs(TextArea.class).getText()))
                .contains("\"taskDefinitionArn\"").contains("\"containerDefinitions\"").contains("billing-web:2");
        assertThat(fx(() -> robot.lookup("#reveal-secrets").queryAs(CheckBox.class).isSelected())).isTrue();
        robot.press(KeyCode.F5).release(KeyCode.F5);
    }
}
