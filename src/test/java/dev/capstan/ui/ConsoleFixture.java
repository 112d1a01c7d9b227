package dev.capstan.ui;

import dev.capstan.app.AppContext;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.config.UserDirectories;
import dev.capstan.config.WorkspaceWriter;
import dev.capstan.domain.Environment;
import dev.capstan.testworld.MotoWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real console opened headless on a workspace of the given environments, with its own user
 * directories under {@code home} and AWS clients built as the app builds them (plus the moto world's
 * fault injector, so a test can make one call fail, and its task endings, so a one-off task can exit non-zero).
 */
final class ConsoleFixture implements AutoCloseable {
    final AppContext context;
    final FxTestSupport.Opened opened;

    private ConsoleFixture(AppContext context, FxTestSupport.Opened opened) {
        this.context = context;
        this.opened = opened;
    }

    static ConsoleFixture open(MotoWorld moto, Path home, Environment... environments) throws Exception {
        Path workspace = home.resolve("capstan.yaml");
        new WorkspaceWriter().write(workspace, "console test", List.of(environments));
        AppContext context = new AppContext(new UserDirectories(home.resolve("config"), home.resolve("state"), home.resolve("cache")), Map.of(), moto.catalog(),
                AwsClientSettings.forLocalStandIn().withInterceptor(moto.faults()).withInterceptor(moto.taskEndings())
                        .withInterceptor(moto.targetHealth()).withInterceptor(moto.wireGate()).withInterceptor(moto.calls()));
        FxTestSupport.Opened opened = FxTestSupport.open(context, workspace);
        FxTestSupport.waitUntil("the workspace is open", () -> opened.app().shell().environments().size() == environments.length);
        return new ConsoleFixture(context, opened);
    }

    /** The console's journals. */
    dev.capstan.ops.RunStore runs() {
        return context.operations().runner().store();
    }

    @Override
    public void close() throws Exception {
        try {
            FxTestSupport.close(opened);
        } finally {
            context.close();
        }
    }
}
