package dev.capstan.ui;

import static dev.capstan.ui.FxTestSupport.fx;
import static dev.capstan.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.domain.Environment;
import dev.capstan.domain.TargetGroupInfo;
import dev.capstan.sandbox.SandboxDatabase;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.PostgresExtension;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;

/** The Load balancers view: rules and target health, the active colour flipping when the priorities are swapped, an error in place. */
@ExtendWith({MotoExtension.class, PostgresExtension.class})
class LoadBalancersViewTest {
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

    private String colour() {
        return fx(() -> robot.lookup("#active-colour").queryAs(Label.class).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsRulesAndTargetHealthAndTheActiveColourFlipsWhenPrioritiesAreSwapped(MotoWorld moto, SandboxDatabase database) throws Exception {
        Environment checkout = TestEstate.environment(moto, database, "checkout");
        console = ConsoleFixture.open(moto, home, checkout);
        opened = console.opened;
        robot.clickOn("#nav-load-balancers");

        waitUntil("blue is shown active", () -> colour().startsWith("checkout: BLUE is active: its rule has priority 10, green's 20"));
        TreeView<String> tree = fx(() -> robot.lookup("#listener-tree").queryAs(TreeView.class));
        List<String> rules = fx(() -> tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().stream().map(i -> i.getValue()).toList());
        assertThat(rules).anyMatch(r -> r.startsWith("priority 10") && r.contains("forward to checkout-blue"))
                .anyMatch(r -> r.startsWith("priority 20") && r.contains("forward to checkout-green"))
                .anyMatch(r -> r.startsWith("priority default"));
        TableView<TargetGroupInfo> groups = fx(() -> robot.lookup("#target-groups-table").queryAs(TableView.class));
        waitUntil("the target groups are listed", () -> groups.getItems().size() == 2);
        robot.clickOn("checkout-blue");
        TableView<TargetGroupInfo.Target> targets = fx(() -> robot.lookup("#targets-table").queryAs(TableView.class));
        waitUntil("blue's two targets show healthy", () -> targets.getItems().size() == 2
                && targets.getItems().stream().allMatch(t -> "healthy".equals(t.state())));
        FxTestSupport.screenshot(opened.stage().getScene(), Path.of("target/screenshots/loadbalancers-test.png"));

        // Swap the priorities as a deploy does (moto refuses a swap in one call, so through a free priority).
        var elb = moto.clients().elb(moto.target());
        List<Rule> listed = elb.describeRules(r -> r.listenerArn(checkout.loadBalancer().listenerArn())).rules();
        String blueRule = ruleFor(listed, checkout.loadBalancer().blueTargetGroupArn());
        String greenRule = ruleFor(listed, checkout.loadBalancer().greenTargetGroupArn());
        elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(blueRule).priority(30)));
        elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(greenRule).priority(10)));
        elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(blueRule).priority(20)));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("green is shown active", () -> colour().startsWith("checkout: GREEN is active: its rule has priority 10, blue's 20"));

        moto.faults().failWith("DescribeLoadBalancers", "AccessDenied", 403, 1);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("the error shows in place", () -> robot.lookup("#loadbalancers-error").queryAs(Label.class).isVisible());
        assertThat(fx(() -> robot.lookup("#loadbalancers-error").queryAs(Label.class).getText())).contains("may not read the load balancers");
        assertThat(colour()).startsWith("checkout: GREEN");
        assertThat(groups.getItems()).hasSize(2);
    }

    private static String ruleFor(List<Rule> rules, String targetGroup) {
        return rules.stream().filter(r -> r.actions().stream().anyMatch(a -> targetGroup.equals(a.targetGroupArn())
                || (a.forwardConfig() != null && a.forwardConfig().targetGroups().stream().anyMatch(t -> targetGroup.equals(t.targetGroupArn())))))
                .findFirst().orElseThrow().ruleArn();
    }
}
