package dev.capstan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", description = {
    "Start a local estate with no AWS account (moto_server and an embedded PostgreSQL) and open the console on it.",
    "Closing the console stops everything the sandbox started."})
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    CapstanCommand root;

    @Option(names = "--no-gui", description = "Keep the sandbox running without the console (stop it with Ctrl+C); prints the workspace path.")
    boolean noGui;

    @Override
    public Integer call() throws Exception {
        return root.console.sandbox(!noGui);
    }
}
