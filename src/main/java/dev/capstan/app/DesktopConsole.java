package dev.capstan.app;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.cli.ConsoleStarter;
import dev.capstan.config.UserDirectories;
import dev.capstan.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit and the console window, on a person's own estate or on the sandbox. */
final class DesktopConsole implements ConsoleStarter {
    private final Map<String, String> env;
    private final OnFirstUse<AppContext> userContext;

    DesktopConsole(Map<String, String> env, OnFirstUse<AppContext> userContext) {
        this.env = env;
        this.userContext = userContext;
    }

    @Override
    public int open(Path workspace) throws InterruptedException {
        runWindow(userContext.get(), workspace);
        return 0;
    }

    @Override
    public int sandbox(boolean gui) throws Exception {
        Path directory = Files.createTempDirectory("capstan-sandbox-");
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(directory, System.out::println);
        } catch (Exception e) {
            dev.capstan.sandbox.Trees.delete(directory);
            throw e;
        }
        AppContext context = new AppContext(UserDirectories.fromEnvironment(env), env,
                new ProfileCatalog(sandbox.awsConfig(), sandbox.awsCredentials()),
                // The sandbox's crashed tasks report their exit codes to this console's clients (moto reports 0 for all).
                AwsClientSettings.forLocalStandIn().withInterceptor(sandbox.taskEndings()));
        context.own(() -> dev.capstan.sandbox.Trees.delete(directory));
        context.own(sandbox);
        // Ctrl+C, a closed terminal or a lost display must still stop moto and PostgreSQL.
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            context.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (gui) {
            runWindow(context, sandbox.workspace());
            Runtime.getRuntime().removeShutdownHook(hook);
            context.close();
        } else {
            System.out.println("Workspace: " + sandbox.workspace());
            System.out.println("AWS_CONFIG_FILE=" + sandbox.awsConfig() + " AWS_SHARED_CREDENTIALS_FILE=" + sandbox.awsCredentials());
            System.out.println("The sandbox runs until you press Ctrl+C.");
            stopped.await();
        }
        return 0;
    }

    /** Opens the window and blocks until the person closes it. */
    private static void runWindow(AppContext context, Path workspace) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            new CapstanApp(context).show(stage, workspace);
        });
        closed.await();
        Platform.exit();
    }
}
