package dev.capstan.ops.bluegreen;

import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The environment's pre- and post-deploy commands: each a command line run with sh on this machine (it must be on
 * the PATH), {env}, {image} and {revision} filled in, its output in the run's log; a non-zero exit fails the
 * deploy there. Commands must be safe to run again: a resumed deploy repeats the step that was cut short.
 */
final class LocalCommand implements Step {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final String id;
    private final List<String> commands;
    private final Map<String, String> values;

    LocalCommand(String id, List<String> commands, Map<String, String> values) {
        this.id = id;
        this.commands = List.copyOf(commands);
        this.values = Map.copyOf(values);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        return StepPreview.of("Run the " + (id.startsWith("pre") ? "pre" : "post") + "-deploy command" + (commands.size() == 1 ? "" : "s")
                + " the workspace names").withDetails(commands.stream().map(c -> "$ " + c).toList());
    }

    /** Fills the placeholders a command may use; values known only later (the revision) read from the journal. */
    private String fill(String command, StepContext context) {
        String revision = context.fact(BlueGreenDeploy.NEW_TASK_DEFINITION).orElse("");
        return command.replace("{env}", values.getOrDefault("env", "")).replace("{image}", values.getOrDefault("image", ""))
                .replace("{revision}", revision);
    }

    @Override
    public String run(StepContext context) throws Exception {
        for (String template : commands) {
            String command = fill(template, context);
            context.log("$ " + command);
            Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    context.log(line);
                }
            }
            if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("\"" + command + "\" did not finish within " + TIMEOUT.toMinutes() + " min.");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("\"" + command + "\" exited " + process.exitValue() + "; the deploy stops here.");
            }
        }
        return commands.size() == 1 ? "The command exited 0" : "All " + commands.size() + " commands exited 0";
    }
}
