package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A publish from the Regions view, headless: the region's row and S3 contents are shown, the update
 * beside its data is offered, the plan lists every object, and the confirmed run backs up, copies over,
 * verifies and bumps the version, which the view then shows with the new backup.
 */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class RegionsViewTest {
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
    void aPublishRunsFromTheRegionsView(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment env = TestEstate.environment(moto, database, "regionsui");
        console = ConsoleFixture.open(moto, home, env);

        robot.clickOn("#nav-regions");
        TableView<RegionOverview> table = robot.lookup("#regions-table").queryAs(TableView.class);
        waitUntil("the regions are read", () -> table.getItems().size() == 2);
        RegionOverview oh = fx(() -> table.getItems().stream().filter(r -> r.row().region().equals("OH")).findFirst().orElseThrow());
        assertThat(oh.objects()).isEqualTo(3);
        assertThat(oh.backups()).isEmpty();
        assertThat(oh.siblings()).singleElement().asString().endsWith("/regions/OH/2024-09-01");
        String versionBefore = oh.row().version();
        robot.clickOn("OH");
        robot.clickOn("#region-publish");
        waitUntil("the publish form is open", () -> robot.lookup("#publish-form").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#publish-from").queryAs(ComboBox.class).getEditor().getText())).isEqualTo(oh.siblings().get(0));
        robot.clickOn("#publish-form-plan");
        waitUntil("the plan is shown", () -> robot.lookup("#plan-dialog").tryQuery().isPresent());
        assertThat(fx(() -> ((javafx.scene.control.TitledPane) robot.lookup("#plan-details").query().getParent().getParent()).getText()))
                .isEqualTo("What the steps touch: 4 items");
        FxTestSupport.screenshot(robot.lookup("#plan-dialog").query().getScene(), Path.of("target/screenshots/regions-plan-test.png"));
        robot.clickOn("#confirm-run");

        waitUntil("the publish succeeds", () -> {
            RunRecord run = console.opened.app().activity().selectedProperty().get();
            return run != null && run.outcome() == RunOutcome.SUCCEEDED;
        });
        RunRecord run = fx(() -> console.opened.app().activity().selectedProperty().get());
        FxTestSupport.screenshot(console.opened.stage().getScene(), Path.of("target/screenshots/regions-publish-activity-test.png"));
        assertThat(run.title()).isEqualTo("Publish region OH from " + oh.siblings().get(0) + " on regionsui");
        robot.clickOn("#nav-regions");
        waitUntil("the view shows the new backup and version", () -> table.getItems().stream()
                .anyMatch(r -> r.row().region().equals("OH") && r.backups().size() == 1 && !r.row().version().equals(versionBefore)));
        FxTestSupport.screenshot(console.opened.stage().getScene(), Path.of("target/screenshots/regions-test.png"));
    }
}
