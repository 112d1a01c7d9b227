package dev.capstan.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code capstan bench startup}: whole processes, started as people start them, median of several runs, beside
 * {@code java -version} of the same Java: {@code capstan --version}, read-only commands on a workspace (no AWS
 * call), and the console from launch to its first frame (on $DISPLAY, or on an Xvfb of its own).
 */
public final class StartupBenchmark {
    /** The targets: the version within 5 times the JVM's own start, a command within 1 s, the window within 2 s. */
    private static final double VERSION_RATIO = 5;
    private static final double COMMAND_MS = 1000;
    private static final double WINDOW_MS = 2000;
    /** Set in its environment, the console closes itself once its window is on screen, after printing {@link #WINDOW_SHOWN}. */
    public static final String EXIT_WHEN_SHOWN = "CAPSTAN_EXIT_WHEN_SHOWN";
    public static final String WINDOW_SHOWN = "capstan: window shown";
    private final int rounds;
    private final PrintWriter out;

    public StartupBenchmark(int rounds, PrintWriter out) {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds " + rounds + " measures nothing; give 1 or more (7 by default).");
        }
        this.rounds = rounds;
        this.out = out;
    }

    public int run() throws Exception {
        Path home = Files.createTempDirectory("capstan-startup-");
        try {
            Map<String, String> env = ScratchHome.write(home, "bench");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> launcher = CapstanProcess.command(List.of());
            out.printf("Start-up, whole processes, median of %d (after one unmeasured run each)%n  launcher: %s%n  Java: %s (%s)%n",
                    rounds, String.join(" ", launcher), java, System.getProperty("java.version"));
            double jvm = median(List.of(java, "-version"), env, home);
            row("java -version", jvm, "");
            double version = median(CapstanProcess.command(List.of("--version")), env, home);
            row("capstan --version", version, String.format("%.1f× java -version; target at most %.0f×", version / jvm, VERSION_RATIO));
            boolean met = version / jvm <= VERSION_RATIO;
            for (List<String> command : List.of(List.of("env", "list"), List.of("runs", "list"))) {
                double took = median(CapstanProcess.command(command), env, home);
                row("capstan " + String.join(" ", command), took, String.format("target at most %,.0f ms", COMMAND_MS));
                met &= took <= COMMAND_MS;
            }
            met &= console(env, home);
            out.flush();
            return met ? 0 : 1;
        } finally {
            Trees.delete(home);
        }
    }

    private boolean console(Map<String, String> env, Path home) throws Exception {
        Process xvfb = null;
        Map<String, String> withDisplay = new HashMap<>(env);
        if (System.getenv("DISPLAY") == null) {
            xvfb = startXvfb(withDisplay);
            if (xvfb == null) {
                row("console, launch to window", Double.NaN, "skipped: no $DISPLAY and no Xvfb (apt-get install xvfb)");
                return true;
            }
        }
        try {
            withDisplay.put(EXIT_WHEN_SHOWN, "1");
            List<Long> times = new ArrayList<>();
            for (int i = 0; i <= rounds; i++) {
                long took = untilWindow(CapstanProcess.command(List.of()), withDisplay, home);
                if (i > 0) {
                    times.add(took);
                }
            }
            double ms = CapstanProcess.median(times) / 1e6;
            row("console, launch to window", ms, String.format("target at most %,.0f ms%s", WINDOW_MS, xvfb != null ? " (on Xvfb)" : ""));
            return ms <= WINDOW_MS;
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** An Xvfb on the first free display (it says which on the descriptor it is given); null if there is none. */
    private static Process startXvfb(Map<String, String> env) throws IOException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String display = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (display == null) {
            xvfb.destroy();
            return null;
        }
        env.put("DISPLAY", ":" + display.strip());
        return xvfb;
    }

    /** Nanoseconds from the launch to the console's line saying its window is shown. */
    private static long untilWindow(List<String> command, Map<String, String> env, Path home) throws Exception {
        ProcessBuilder builder = CapstanProcess.builder(command, env).redirectError(home.resolve("console.log").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(WINDOW_SHOWN)) {
                    long took = System.nanoTime() - start;
                    process.waitFor(60, TimeUnit.SECONDS);
                    return took;
                }
            }
        }
        throw new IllegalStateException("The console ended without showing its window (exit " + process.waitFor() + "): "
                + Files.readString(home.resolve("console.log")).lines().reduce((a, b) -> b).orElse(""));
    }

    private double median(List<String> command, Map<String, String> env, Path home) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            long took = CapstanProcess.time(command, env, home.resolve("process.log"));
            if (i > 0) {
                times.add(took);
            }
        }
        return CapstanProcess.median(times) / 1e6;
    }

    private void row(String what, double ms, String note) {
        out.printf("  %-28s %8s  %s%n", what, Double.isNaN(ms) ? "-" : String.format("%,.0f ms", ms), note);
    }
}
