package dev.capstan.cli;

import dev.capstan.config.WorkspaceException;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Loads the workspace and picks the environment a command names, saying on stderr what to fix when it cannot. */
final class WorkspaceAccess {
    private final CapstanCommand root;
    private final CommandSpec spec;

    WorkspaceAccess(CapstanCommand root, CommandSpec spec) {
        this.root = root;
        this.spec = spec;
    }

    /** The workspace, or null after saying why it could not be read. */
    Workspace workspace() {
        Path file = root.workspace();
        if (file == null) {
            spec.commandLine().getErr().println("No workspace: pass --workspace FILE or set CAPSTAN_WORKSPACE.");
            return null;
        }
        try {
            return root.services().workspaceLoader().load(file);
        } catch (WorkspaceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return null;
        }
    }

    /** The environment --env names, or null after saying what to fix. */
    Environment environment() {
        if (root.env == null) {
            Workspace workspace = workspace();
            if (workspace != null) {
                spec.commandLine().getErr().println("Name the environment with --env; " + workspace.source() + " has: " + names(workspace));
            }
            return null;
        }
        return environment(root.env);
    }

    Environment environment(String name) {
        Workspace workspace = workspace();
        if (workspace == null) {
            return null;
        }
        Environment environment = workspace.environment(name).orElse(null);
        if (environment == null) {
            spec.commandLine().getErr().println("No environment '" + name + "' in " + workspace.source() + "; it has: " + names(workspace));
        }
        return environment;
    }

    private static String names(Workspace workspace) {
        return String.join(", ", workspace.environments().stream().map(Environment::name).toList());
    }
}
