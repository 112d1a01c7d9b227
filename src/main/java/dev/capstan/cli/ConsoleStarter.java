package dev.capstan.cli;

import java.nio.file.Path;

/** Opens the graphical console; the app provides it, so the CLI never touches JavaFX. */
public interface ConsoleStarter {
    /** Opens the console, on the workspace if one is given; returns the exit code once the window closes. */
    int open(Path workspace) throws Exception;

    /** Starts the sandbox estate; opens the console on it unless {@code gui} is false. Returns when it is closed. */
    int sandbox(boolean gui) throws Exception;
}
