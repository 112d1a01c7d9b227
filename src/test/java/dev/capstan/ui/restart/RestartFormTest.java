package dev.capstan.ui.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.Environment;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.restart.RestartRequest;
import dev.capstan.ops.restart.RollingRestart;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import dev.capstan.testworld.TestEstate;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The restart form's model, without JavaFX, against a service on the stand-in: filled from the live service, read into the restart. */
@ExtendWith(MotoExtension.class)
class RestartFormTest {
    @TempDir
    Path dir;
    private EngineWorld engine;
    private Environment environment;
    private RestartForm form;

    @BeforeEach
    void setUp(MotoWorld moto) {
        environment = TestEstate.workspaceEntry(TestEstate.seed(moto, TestEstate.spec("formed")), moto, null, null);
        engine = new EngineWorld(moto, dir.resolve("runs"));
        form = new RestartForm(engine.restart);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void theFormStartsFromTheLiveServiceAndTheDeclaredWaitAndBuildsTheRestart() throws Exception {
        assertThat(form.timeoutProperty().get()).isEqualTo("30m");
        form.fill(engine.restart.defaults(environment));
        assertThat(form.countProperty().get()).isEqualTo("4");
        assertThat(form.hasGroupProperty().get()).as("a Fargate service has no group to put back").isFalse();

        form.healthLogPatternProperty().set("HealthCheckService");
        form.timeoutProperty().set("90s");
        RollingRestart restart = (RollingRestart) form.restart(environment).call();

        assertThat(restart.request()).isEqualTo(new RestartRequest(environment.service(), 4, "HealthCheckService", Duration.ofSeconds(90), true, null));
    }

    @Test
    void aWrongFieldIsSaidBeforeAnythingIsRead(MotoWorld moto) {
        moto.faults().clear();
        form.countProperty().set("four");
        assertThatThrownBy(() -> form.restart(environment)).hasMessage("'four' is not a number of tasks; type a whole number such as 4.");
        form.countProperty().set("");
        form.timeoutProperty().set("a while");
        assertThatThrownBy(() -> form.restart(environment)).hasMessageContaining("'a while' is not a duration");
        assertThat(moto.faults().sentOperations()).isEmpty();
    }
}
