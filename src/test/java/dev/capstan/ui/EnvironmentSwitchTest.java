package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EnvironmentSpec;
import dev.capstan.domain.Environment;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * Two environments that name their cluster, service, task family and load balancer alike, in two regions:
 * the first environment's reads are held at the wire, the environment is switched while they are under
 * way, and once they are let go and have answered, nothing of the first environment is on screen under
 * the second (its region, its bucket, its name), and the second's data still is.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class EnvironmentSwitchTest {
    private static final String SLOW_REGION = MotoWorld.REGION;
    private static final String OTHER_REGION = "eu-west-1";
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private ConsoleFixture console;
    private Environment first;
    private Environment second;
    private List<String> firstMarks;
    private List<String> secondMarks;

    @BeforeEach
    void estate(MotoWorld moto, SandboxDatabase database) throws Exception {
        first = TestEstate.environment(moto, database, alike("alpha"), SLOW_REGION);
        second = TestEstate.environment(moto, database, alike("beta"), OTHER_REGION);
        firstMarks = marks(moto, first);
        secondMarks = marks(moto, second);
    }

    /**
     * What tells one environment's data from the other's on screen: its region (in ARNs, images and log settings), its
     * bucket, and the ids of its service's task sets (the Deploys cards show those and nothing regional).
     */
    private static List<String> marks(MotoWorld moto, Environment env) {
        String region = env.region();
        List<String> marks = new ArrayList<>(List.of(region, env.regionData().bucket()));
        moto.clients().ecs(moto.target(region)).describeServices(r -> r.cluster(env.cluster()).services(env.service()))
                .services().forEach(s -> s.taskSets().forEach(set -> marks.add(set.id())));
        return marks;
    }

    /** The estate's names are the same in both environments; only the environment's name and its bucket differ. */
    private static EnvironmentSpec alike(String name) {
        return new EnvironmentSpec(name, "shop-cluster", "shop-web", "shop-web", 2, 2, "web", "/ecs/shop-web", "shop-asg",
                name + "-regions", List.of("OH", "NC"), 2, 40, EnvironmentSpec.FARGATE, EnvironmentSpec.TASK_SETS);
    }

    @AfterEach
    void close(MotoWorld moto) throws Exception {
        moto.wireGate().release();
        if (console != null) {
            console.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clusters", "load-balancers", "task-definitions", "regions", "deploys", "restart"})
    void aSlowReadOfTheFirstEnvironmentIsNeverShownUnderTheSecond(String view, MotoWorld moto) throws Exception {
        console = ConsoleFixture.open(moto, home, first, second);
        FxTestSupport.Opened opened = console.opened;
        waitUntil("the first environment is chosen", () -> first.equals(opened.app().shell().environmentProperty().get()));
        waitUntil("the console is idle", () -> opened.app().work().runningProperty().get() == 0);

        moto.wireGate().hold(SLOW_REGION);
        robot.clickOn("#nav-" + view);
        moto.wireGate().awaitHeldRequest();
        run(() -> opened.app().shell().environmentProperty().set(second));
        Node shown = fx(() -> robot.lookup("#" + view.replace("-", "").replace("taskdefinitions", "taskdefs") + "-view").query());
        waitUntil("the second environment's data is shown", () -> mentionsSecond(shown));

        moto.wireGate().release();
        waitUntil("every read, the first environment's too, has answered", () -> opened.app().work().runningProperty().get() == 0);
        String text = fx(() -> visibleText(shown));
        assertThat(firstMarks).noneMatch(text::contains);
        assertThat(text).doesNotContain(first.name() + ":").doesNotContain(first.name() + " ");
        assertThat(mentionsSecond(shown)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aLogFollowOfTheFirstEnvironmentStopsWhenTheEnvironmentChangesAndNoneOfItsLinesIsShown(MotoWorld moto) throws Exception {
        writeLine(moto, first, "alpha says hello");
        writeLine(moto, second, "beta says hello");
        console = ConsoleFixture.open(moto, home, first, second);
        FxTestSupport.Opened opened = console.opened;
        waitUntil("the first environment is chosen", () -> first.equals(opened.app().shell().environmentProperty().get()));
        robot.clickOn("#nav-logs");
        run(() -> robot.lookup("#logs-kind").queryAs(javafx.scene.control.ComboBox.class).setValue(dev.capstan.ui.logs.LogViewModel.Kind.GROUP));

        moto.wireGate().hold(SLOW_REGION);
        robot.clickOn("#logs-follow");
        moto.wireGate().awaitHeldRequest();
        run(() -> opened.app().shell().environmentProperty().set(second));
        Label state = fx(() -> robot.lookup("#logs-state").queryAs(Label.class));
        waitUntil("the follow says it stopped", () -> state.getText().startsWith("stopped: the environment is now " + second.name()));
        moto.wireGate().release();
        moto.wireGate().awaitHeldAnswered();

        robot.clickOn("#logs-follow");
        ListView<?> lines = fx(() -> robot.lookup("#logs-list").queryAs(ListView.class));
        waitUntil("the second environment's line is shown", () -> lines.getItems().stream().anyMatch(l -> l.toString().contains("beta says hello")));
        assertThat(fx(() -> lines.getItems().stream().map(Object::toString).toList())).noneMatch(l -> l.contains("alpha"));
    }

    private static void writeLine(MotoWorld moto, Environment env, String message) {
        var logs = moto.clients().logs(moto.target(env.region()));
        logs.createLogStream(r -> r.logGroupName(env.logGroup()).logStreamName("web/web/switch"));
        logs.putLogEvents(r -> r.logGroupName(env.logGroup()).logStreamName("web/web/switch")
                .logEvents(e -> e.timestamp(System.currentTimeMillis()).message(message)));
    }

    private boolean mentionsSecond(Node shown) {
        String text = visibleText(shown);
        return secondMarks.stream().anyMatch(text::contains);
    }

    /** What a person could read in the view: labels, text fields, and the items of its lists, tables, trees and choices. */
    private static String visibleText(Node node) {
        List<String> parts = new ArrayList<>();
        collect(node, parts);
        return String.join("\n", parts);
    }

    private static void collect(Node node, List<String> parts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            parts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            parts.add(input.getText());
        }
        if (node instanceof ListView<?> list) {
            list.getItems().forEach(item -> parts.add(String.valueOf(item)));
        }
        if (node instanceof TableView<?> table) {
            table.getItems().forEach(item -> parts.add(String.valueOf(item)));
        }
        if (node instanceof TreeView<?> tree && tree.getRoot() != null) {
            collectTree(tree.getRoot(), parts);
        }
        if (node instanceof ComboBoxBase<?> choice && choice.getValue() != null) {
            parts.add(String.valueOf(choice.getValue()));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, parts));
        }
    }

    private static void collectTree(TreeItem<?> item, List<String> parts) {
        parts.add(String.valueOf(item.getValue()));
        item.getChildren().forEach(child -> collectTree(child, parts));
    }
}
