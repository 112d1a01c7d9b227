package dev.capstan.app;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.cli.ConsoleStarter;
import dev.capstan.config.UserDirectories;
import dev.capstan.sandbox.Sandbox;
import dev.capstan.sandbox.StartupBenchmark;
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

    /**
     * Opens the window and blocks until the person closes it. With {@code CAPSTAN_EXIT_WHEN_SHOWN} set, as
     * {@code capstan bench startup} and the build's class-data training set it, the window closes itself once its
     * first frame is laid out, after saying so on standard output.
     */
    private void runWindow(AppContext context, Path workspace) throws InterruptedException {
        boolean exitWhenShown = env.containsKey(StartupBenchmark.EXIT_WHEN_SHOWN);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            new CapstanApp(context).show(stage, workspace);
            if (exitWhenShown) {
                closeOnFirstFrame(stage);
            }
        });
        closed.await();
        Platform.exit();
    }

    private static void closeOnFirstFrame(Stage stage) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            System.out.println(StartupBenchmark.WINDOW_SHOWN);
            System.out.flush();
            Platform.runLater(stage::hide);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }
}
