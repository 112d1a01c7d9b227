package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.run;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.aws.sandbox.EcsScheduler;
import dev.capstan.domain.ClusterSummary;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceDetail;
import dev.capstan.domain.TaskDetail;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Clusters view against moto with the test scheduler: navigation, counts that follow the scheduler, errors in place. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class ClustersViewTest {
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

    @SuppressWarnings("unchecked")
    private TableView<ServiceDetail> services() {
        return fx(() -> robot.lookup("#services-table").queryAs(TableView.class));
    }

    @SuppressWarnings("unchecked")
    private TableView<TaskDetail> tasks() {
        return fx(() -> robot.lookup("#tasks-table").queryAs(TableView.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void navigatesClusterServiceAndTaskFollowsTheSchedulerAndShowsErrorsInPlace(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment shop = TestEstate.environment(moto, database, "shop");
        console = ConsoleFixture.open(moto, home, shop);
        opened = console.opened;
        robot.clickOn("#nav-clusters");

        ListView<ClusterSummary> clusters = fx(() -> robot.lookup("#clusters-list").queryAs(ListView.class));
        waitUntil("the cluster is listed and chosen", () -> clusters.getSelectionModel().getSelectedItem() != null
                && clusters.getSelectionModel().getSelectedItem().name().equals("shop-cluster"));
        waitUntil("the service is listed", () -> services().getItems().size() == 1);
        ServiceDetail web = fx(() -> services().getItems().get(0));
        assertThat(web.name()).isEqualTo("shop-web");
        assertThat(web.desired()).isEqualTo(2);
        assertThat(web.taskDefinitionName()).startsWith("shop-web:");
        robot.clickOn("shop-web");
        waitUntil("its two tasks are listed", () -> tasks().getItems().size() == 2);
        assertThat(fx(() -> tasks().getItems())).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.privateIp()).isNotBlank();
            assertThat(t.serviceName()).isEqualTo("shop-web");
        });
        assertThat(fx(() -> robot.lookup("#service-detail").queryAs(TextArea.class).getText())).contains("shop-web runs shop-web:")
                .contains("Deployment PRIMARY");
        waitUntil("the age of the data is shown", () -> robot.lookup("#clusters-age").queryAs(Label.class).getText().matches("updated \\d+ s ago"));

        // Links: to the revision the service runs, and to its target group.
        robot.clickOn("#open-task-definition");
        waitUntil("the Task definitions view shows the service's revision", () -> {
            var revisions = robot.lookup("#revisions-table").queryAs(TableView.class);
            Object chosen = revisions.getSelectionModel().getSelectedItem();
            return chosen instanceof dev.capstan.domain.TaskDefRevision r && r.name().equals(web.taskDefinitionName());
        });
        robot.clickOn("#nav-clusters");
        robot.clickOn("shop-web");
        robot.clickOn("#open-target-group");
        waitUntil("the Load balancers view shows the service's target group", () -> {
            Object chosen = robot.lookup("#target-groups-table").queryAs(TableView.class).getSelectionModel().getSelectedItem();
            return chosen instanceof dev.capstan.domain.TargetGroupInfo t && t.arn().equals(web.targetGroupArns().get(0));
        });
        robot.clickOn("#nav-clusters");

        // The scheduler acts: the view follows on its next refresh.
        var ecs = moto.clients().ecs(moto.target());
        ecs.updateService(r -> r.cluster("shop-cluster").service("shop-web").desiredCount(3));
        new EcsScheduler(moto.clients(), moto.target(), List.of("shop-cluster")).reconcileOnce();
        String stopped = fx(() -> tasks().getItems().get(0).arn());
        ecs.stopTask(r -> r.cluster("shop-cluster").task(stopped).reason("Essential container in task exited"));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the new counts and the stopped task show", () -> services().getItems().get(0).desired() == 3
                && tasks().getItems().stream().anyMatch(t -> "STOPPED".equals(t.desiredStatus())));
        TaskDetail gone = fx(() -> tasks().getItems().stream().filter(t -> t.arn().equals(stopped)).findFirst().orElseThrow());
        assertThat(gone.stoppedSummary()).startsWith("Essential container in task exited; web exit");
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/clusters-test.png"));

        // An AccessDenied on the services call shows in the services panel; the cluster list stays usable.
        moto.faults().failWith("ListServices", "AccessDeniedException", 400, 1);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the error is shown in place", () -> robot.lookup("#services-error").queryAs(Label.class).isVisible());
        assertThat(fx(() -> robot.lookup("#services-error").queryAs(Label.class).getText())).contains("may not read the services of shop-cluster");
        assertThat(fx(() -> robot.lookup("#clusters-error").queryAs(Label.class).isVisible())).isFalse();
        assertThat(clusters.getItems()).isNotEmpty();
        run(() -> robot.lookup("#clusters-filter").queryAs(javafx.scene.control.TextField.class).setText("nothing-matches"));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the error clears on the next good read", () -> !robot.lookup("#services-error").queryAs(Label.class).isVisible());
        assertThat(fx(() -> services().getItems())).isEmpty();
    }
}
