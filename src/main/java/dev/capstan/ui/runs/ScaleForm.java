package dev.capstan.ui.runs;

import dev.capstan.domain.Environment;
import dev.capstan.ops.scale.ScaleServiceFactory;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks for a desired count, then hands the scale operation to the launcher, which plans it and asks to confirm. */
public final class ScaleForm {
    private ScaleForm() {
    }

    public static void open(Window owner, Environment environment, RunLauncher launcher, ScaleServiceFactory scale) {
        if (environment == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(owner);
        ask.setTitle("Scale service");
        ask.setHeaderText("Scale " + (environment.service() == null ? "the service" : environment.service()) + " on " + environment.name());
        ask.setContentText("Desired count:");
        ask.getEditor().setId("scale-count");
        ask.getDialogPane().setId("scale-form");
        ask.setOnHidden(e -> {
            String text = ask.getResult();
            if (text != null) {
                launcher.launch("scale " + environment.name(), () -> scale.scale(environment, parseCount(text), scale.declaration().defaultDuration("timeout")));
            }
        });
        ask.show();
    }

    private static int parseCount(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of tasks; type a whole number such as 4.");
        }
    }
}
