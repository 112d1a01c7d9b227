package dev.capstan.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX's Primer themes, applied to the whole application. */
public final class Themes {
    private Themes() {
    }

    public static void apply(ShellModel.Theme theme) {
        Application.setUserAgentStylesheet(theme == ShellModel.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
