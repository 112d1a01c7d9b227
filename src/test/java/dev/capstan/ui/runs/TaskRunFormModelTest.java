package dev.capstan.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.CommandSyntax;
import dev.capstan.ops.task.TaskRunDefaults;
import dev.capstan.ops.task.TaskRunRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-off task form's model, without JavaFX: the command as it will be sent, and the request the form asks for. */
class TaskRunFormModelTest {
    private final TaskRunFormModel form = new TaskRunFormModel("60m");

    private void typical() {
        form.fillNetwork(new TaskRunDefaults("web", "arn:task-definition/web:7", "arn:task-definition/web:7", List.of("web"), "web",
                List.of("subnet-1", "subnet-2"), List.of("sg-1"), false));
        form.taskDefinitionProperty().set(" web:7 ");
        form.containerProperty().set("web");
    }

    @Test
    void theCommandIsShownAsItWillBeSentWhileItIsTyped() {
        form.commandProperty().set("run,migration:run");
        assertThat(form.commandPreviewProperty().get()).isEqualTo("[\"run\",\"migration:run\"]   (read as comma-separated)");
        assertThat(form.commandValidProperty().get()).isTrue();

        form.syntaxProperty().set(CommandSyntax.SHELL);
        assertThat(form.commandPreviewProperty().get()).isEqualTo("[\"run,migration:run\"]   (read as shell words)");

        form.commandProperty().set("sh -c 'echo hi");
        assertThat(form.commandValidProperty().get()).isFalse();
        assertThat(form.commandPreviewProperty().get()).contains("is never closed");
    }

    @Test
    void theFormBuildsTheRequestWithTheDeclaredWaitAndTheNetworkFilledIn() {
        typical();
        form.commandProperty().set("npm run migration:run");
        form.environmentOverridesProperty().set("DRY_RUN=1");

        TaskRunRequest request = form.request("web");

        assertThat(request).isEqualTo(new TaskRunRequest("web", "web:7", "web", List.of("npm", "run", "migration:run"), Map.of("DRY_RUN", "1"),
                List.of("subnet-1", "subnet-2"), List.of("sg-1"), false, true, Duration.ofMinutes(60)));
    }

    @Test
    void aWrongFieldIsRefusedWithWhatToFix() {
        typical();
        form.commandProperty().set("run");
        form.timeoutProperty().set("soon");
        assertThatThrownBy(() -> form.request("web")).hasMessageContaining("'soon' is not a duration");

        form.timeoutProperty().set("5m");
        form.subnetsProperty().set(" ");
        assertThatThrownBy(() -> form.request("web")).hasMessageContaining("No subnet given");
    }
}
