package dev.capstan.ui;

import dev.capstan.app.AppContext;
import dev.capstan.app.CapstanApp;
import dev.capstan.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real console window on the headless Monocle platform, waits for it, and photographs it. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    public record Opened(CapstanApp app, MainWindow window, Stage stage) {
    }

    public static Opened open(AppContext context, Path workspace) throws Exception {
        FxToolkit.registerPrimaryStage();
        CapstanApp app = new CapstanApp(context);
        // A new window per test, as a person opening the console gets; the primary stage would carry bindings over.
        Stage[] stage = new Stage[1];
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            stage[0] = new Stage();
            window[0] = app.show(stage[0], workspace);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new Opened(app, window[0], stage[0]);
    }

    public static void close(Opened opened) throws Exception {
        FxToolkit.setupFixture(() -> opened.stage().close());
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            // A guard against a hung test, not a measure: a busy machine may take long to plan or draw.
            WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> fx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T fx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    public static void run(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes what the window shows to a PNG, as a person would see it. */
    public static Path screenshot(Scene scene, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        var image = fx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
