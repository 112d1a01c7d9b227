package dev.capstan.ui.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.RunbookRun;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A runbook's parameter form, without JavaFX: defaults filled in, a required value missing said before anything is planned. */
@ExtendWith(MotoExtension.class)
class RunbookFormTest {
    private static final String RUNBOOK = """
            name: publish
            parameters:
              - name: region
              - name: since
                default: 1h
            steps:
              - manual: Publish ${region}, then look at the last ${since}.
            """;
    @TempDir
    Path dir;
    private EngineWorld engine;
    private RunbookForm form;

    @BeforeEach
    void setUp(MotoWorld moto) throws Exception {
        engine = new EngineWorld(moto, dir.resolve("runs"));
        RunbookCatalog.Entry entry = new RunbookCatalog.Entry(engine.runbooks.services().loader().parse(Path.of("publish.yaml"), RUNBOOK, "test"),
                RUNBOOK);
        form = new RunbookForm(engine.runbooks, entry);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void theFormStartsWithTheDefaultsAndStartsTheRunbookWithWhatWasTyped(MotoWorld moto) throws Exception {
        assertThat(form.value("since").get()).isEqualTo("1h");
        form.value("region").set(" OH ");

        RunbookRun run = (RunbookRun) form.start(EngineWorld.plainEnvironment("forms", moto.endpoint(), false, null)).call();

        assertThat(run.values()).containsEntry("region", "OH").containsEntry("since", "1h").containsEntry("env", "forms");
    }

    @Test
    void aRequiredValueLeftEmptyIsSaidBeforeAnythingIsPlanned(MotoWorld moto) {
        assertThatThrownBy(() -> form.start(EngineWorld.plainEnvironment("forms", moto.endpoint(), false, null)))
                .hasMessageContaining("region");
    }
}
