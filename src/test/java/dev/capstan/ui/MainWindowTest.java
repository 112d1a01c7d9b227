package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.AppContext;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.config.UserDirectories;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import dev.capstan.ui.environments.EnvironmentsModel;
import dev.capstan.ui.profiles.ProfilesModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Drives the real console window headless against moto and PostgreSQL. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class MainWindowTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private AppContext context;
    private FxTestSupport.Opened opened;
    private Path workspace;

    @BeforeEach
    void open(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment web = TestEstate.environment(moto, database, "web");
        workspace = home.resolve("capstan.yaml");
        new WorkspaceWriter().write(workspace, "window test", List.of(web, TestEstate.withCluster(web, "retired-cluster")));
        context = new AppContext(new UserDirectories(home.resolve("config"), home.resolve("state"), home.resolve("cache")), Map.of(), moto.catalog(),
                AwsClientSettings.forLocalStandIn());
        opened = FxTestSupport.open(context, workspace);
    }

    @AfterEach
    void close() throws Exception {
        FxTestSupport.close(opened);
        context.close();
    }

    private String text(String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void closingWhileARunGoesOnAsksFirstAndCancelKeepsTheWindow() {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        run(() -> opened.window().closeGuard(() -> "Run 20261123T010203Z-beef is going on."));
        // Fired without waiting: the question is a nested event loop that returns only when answered.
        javafx.application.Platform.runLater(() -> opened.stage().fireEvent(
                new javafx.stage.WindowEvent(opened.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil("the question is asked", () -> robot.lookup("#close-while-running").tryQuery().isPresent());
        assertThat(fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#close-while-running").query()).getContentText()))
                .startsWith("Run 20261123T010203Z-beef is going on.").contains("resumed from Activity");
        robot.clickOn("Cancel");
        assertThat(fx(() -> opened.stage().isShowing())).isTrue();
        run(() -> opened.window().closeGuard(() -> ""));
    }

    @Test
    void opensTheWorkspaceAndShowsWhoWeAre() {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        assertThat(fx(() -> opened.stage().getTitle())).isEqualTo("Capstan — web");
        waitUntil("STS has answered", () -> text("#status-identity").startsWith("arn:aws:sts::123456789012:"));
        assertThat(text("#status-region")).isEqualTo("us-east-1");
        assertThat(fx(() -> opened.app().shell().recentWorkspaces())).contains(workspace.toAbsolutePath().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testsAProfileConnectionFromTheProfilesView() {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        TableView<ProfilesModel.Row> table = fx(() -> robot.lookup("#profiles-table").queryAs(TableView.class));
        waitUntil("profiles are listed", () -> table.getItems().size() == 2);
        robot.clickOn(robot.from(table).lookup("moto").<javafx.scene.Node>query());
        robot.clickOn("#test-connection");
        ProfilesModel.Row moto = fx(() -> table.getItems().stream().filter(r -> r.profile().name().equals("moto")).findFirst().orElseThrow());
        waitUntil("the connection test has answered", () -> moto.stateProperty().get() == ProfilesModel.Row.State.CONNECTED);
        assertThat(fx(() -> moto.resultProperty().get())).startsWith("arn:aws:sts::123456789012:").contains("account 123456789012");
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("arn:aws:sts::123456789012:") && l != robot.lookup("#status-identity").query()).tryQuery())
                .isPresent();

        robot.clickOn(robot.from(table).lookup("no-region").<javafx.scene.Node>query());
        robot.clickOn("#test-connection");
        ProfilesModel.Row noRegion = fx(() -> table.getItems().stream().filter(r -> r.profile().name().equals("no-region")).findFirst().orElseThrow());
        waitUntil("the region problem is shown", () -> noRegion.stateProperty().get() == ProfilesModel.Row.State.FAILED);
        assertThat(fx(() -> noRegion.resultProperty().get())).contains("has no region").contains("region = ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void environmentChecksPassAndABrokenEnvironmentFailsOnItsField() throws Exception {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<EnvironmentsModel.FieldRow> fields = fx(() -> robot.lookup("#environment-fields").queryAs(TableView.class));
        waitUntil("the first environment is checked", () -> text("#check-summary").equals("Every field checked out"));
        assertThat(fx(() -> List.copyOf(fields.getItems()))).allSatisfy(row -> assertThat(row.status()).isEqualTo(CheckResult.Status.OK));
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/test-environments-ok.png"));

        ListView<Environment> list = fx(() -> robot.lookup("#environments-list").queryAs(ListView.class));
        run(() -> list.getSelectionModel().select(1));
        waitUntil("the broken environment is checked", () -> text("#check-summary").endsWith("failed"));
        EnvironmentsModel.FieldRow cluster = fx(() -> fields.getItems().stream().filter(r -> r.field().equals("cluster")).findFirst().orElseThrow());
        assertThat(cluster.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(cluster.value()).isEqualTo("retired-cluster");
        assertThat(cluster.detail()).contains("no active ECS cluster");
        assertThat(fx(() -> fields.getItems().stream().filter(r -> r.field().equals("logGroup")).findFirst().orElseThrow().status()))
                .isEqualTo(CheckResult.Status.OK);
    }

    @Test
    void commandPaletteFindsViewsAndEnvironments() {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil("the palette is open", () -> robot.lookup("#command-palette").query().isVisible());
        robot.write("web-broken");
        robot.type(KeyCode.ENTER);
        waitUntil("the environment is chosen", () -> opened.app().shell().environmentProperty().get().name().equals("web-broken"));
        assertThat(fx(() -> opened.stage().getTitle())).isEqualTo("Capstan — web-broken");

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("view prof");
        robot.type(KeyCode.ENTER);
        waitUntil("the Profiles view is shown", () -> robot.lookup("#profiles-table").tryQuery().map(n -> n.getScene() != null).orElse(false));
    }

    @Test
    void themeChoiceIsRememberedAndABadWorkspaceIsExplained() throws Exception {
        waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == 2);
        robot.clickOn("View");
        robot.clickOn("Toggle light / dark theme");
        waitUntil("the theme is dark", () -> opened.app().shell().themeProperty().get() == dev.capstan.ui.shell.ShellModel.Theme.DARK);
        assertThat(Files.readString(home.resolve("config/settings.json"))).contains("\"theme\" : \"dark\"");

        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, "environments:\n  - name: x\n    profile: moto\n    region: us-east-1\n    clustr: typo\n");
        run(() -> opened.app().shell().openWorkspace(broken));
        waitUntil("the problem is shown", () -> !text("#message-line").isEmpty());
        assertThat(text("#message-line")).contains("broken.yaml line 5").contains("unknown key 'clustr'").contains("cluster");
        assertThat(opened.app().shell().environments()).hasSize(2);
    }
}
