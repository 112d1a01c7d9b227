package dev.capstan.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What a year of a team's history costs: {@code capstan runs list}, a whole process as people run it,
 * over a runs folder of one journal and over one of many (5,000 by default), each journal written in the
 * format the runner writes (plan, confirmation, lock, steps with their log lines, facts, end). The first
 * listing of a folder builds its index; the rounds after it are what every later listing costs.
 */
public final class HistoryBenchmark {
    /** The ratio the README promises: listing a year of runs costs at most this much more than listing one. */
    public static final double TARGET_RATIO = 1.3;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> TYPES = List.of("service.scale", "task.run", "service.restart", "bluegreen.deploy", "s3.backup");

    private final int runs;
    private final int rounds;
    private final PrintWriter out;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Random random = new Random(7);

    public HistoryBenchmark(int runs, int rounds, PrintWriter out) {
        if (runs < 1 || rounds < 1) {
            throw new IllegalArgumentException("--runs and --rounds must be at least 1.");
        }
        this.runs = runs;
        this.rounds = rounds;
        this.out = out;
    }

    public int run() throws Exception {
        Path directory = Files.createTempDirectory("capstan-historybench-");
        try {
            Path one = directory.resolve("one");
            Path many = directory.resolve("many");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            writeRuns(one.resolve("capstan/runs"), 1, now);
            long bytes = writeRuns(many.resolve("capstan/runs"), runs, now);
            out.printf("Wrote %,d journals (%,d KB) and 1 journal; timing capstan runs list, whole processes.%n", runs, bytes / 1024);
            out.flush();
            List<String> command = CapstanProcess.command(List.of("runs", "list"));
            Map<String, String> common = Map.of("XDG_CONFIG_HOME", directory.resolve("config").toString(),
                    "XDG_CACHE_HOME", directory.resolve("cache").toString());
            double firstOne = CapstanProcess.time(command, env(common, one), directory.resolve("first-one.log")) / 1e6;
            double firstMany = CapstanProcess.time(command, env(common, many), directory.resolve("first-many.log")) / 1e6;
            List<String> listing = Files.readAllLines(directory.resolve("first-many.log"));
            long listed = listing.stream().filter(l -> l.matches("^\\d{8}T.*")).count();
            if (listed != runs) {
                // The folder is deleted below, so the message carries what the listing said instead.
                throw new IllegalStateException("capstan runs list showed " + listed + " runs, not " + runs + "; it said:\n"
                        + String.join("\n", listing.subList(0, Math.min(8, listing.size()))));
            }
            List<Long> timesOne = new ArrayList<>();
            List<Long> timesMany = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                timesOne.add(CapstanProcess.time(command, env(common, one), directory.resolve("one.log")));
                timesMany.add(CapstanProcess.time(command, env(common, many), directory.resolve("many.log")));
            }
            double medianOne = CapstanProcess.median(timesOne) / 1e6;
            double medianMany = CapstanProcess.median(timesMany) / 1e6;
            double ratio = medianMany / medianOne;
            out.printf("First listing (builds the index): 1 run %.0f ms, %,d runs %.0f ms.%n", firstOne, runs, firstMany);
            out.printf("Median of %d rounds after it: 1 run %.0f ms, %,d runs %.0f ms: ratio %.2f (target at most %.1f).%n",
                    rounds, medianOne, runs, medianMany, ratio, TARGET_RATIO);
            out.flush();
            return ratio <= TARGET_RATIO ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static Map<String, String> env(Map<String, String> common, Path state) {
        Map<String, String> env = new java.util.HashMap<>(common);
        env.put("XDG_STATE_HOME", state.toString());
        return env;
    }

    /** {@code count} finished runs, a few hours apart, ending at {@code now}; returns the bytes written. */
    private long writeRuns(Path folder, int count, Instant now) throws IOException {
        Files.createDirectories(folder);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Instant started = now.minus((long) (count - i) * 105, ChronoUnit.MINUTES);
            String id = ID_TIME.format(started) + "-" + String.format("%04x", i & 0xffff);
            Path file = folder.resolve(id + ".jsonl");
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ObjectNode record : journal(id, TYPES.get(i % TYPES.size()), i % 3 == 0 ? "production" : "staging", started)) {
                    writer.write(json.writeValueAsString(record));
                    writer.newLine();
                }
            }
            bytes += Files.size(file);
        }
        return bytes;
    }

    private List<ObjectNode> journal(String id, String type, String environment, Instant started) {
        List<ObjectNode> records = new ArrayList<>();
        Instant at = started;
        ObjectNode run = record("run", at).put("id", id).put("operation", type).put("title", type + " on " + environment)
                .put("environment", environment).put("profile", environment).put("region", "eu-west-1")
                .put("osUser", "ops@laptop").put("callerArn", "arn:aws:sts::123456789012:assumed-role/ops/ops");
        run.putObject("parameters").put("count", "4").put("timeout", "30m");
        run.putArray("warnings");
        ArrayNode plan = run.putArray("plan");
        int steps = 5;
        for (int s = 1; s <= steps; s++) {
            plan.addObject().put("number", s).put("id", "step-" + s).put("kind", s == 1 ? "READ" : "CHANGE")
                    .put("sentence", "Step " + s + " of the " + type).put("before", "before " + s).put("after", "after " + s);
        }
        records.add(run);
        records.add(record("confirmed", at).put("by", "ops@laptop").put("typedName", environment));
        records.add(record("lock", at).put("event", "acquired").put("detail", "held by run " + id));
        for (int s = 1; s <= steps; s++) {
            at = at.plusSeconds(5);
            records.add(record("step", at).put("id", "step-" + s).put("event", "started"));
            for (int line = 0; line < 8; line++) {
                records.add(record("log", at.plusMillis(line * 250L)).put("step", "step-" + s)
                        .put("text", "Waiting for 4 tasks to be healthy: " + random.nextInt(5) + " of 4 so far"));
            }
            records.add(record("fact", at).put("key", "fact-" + s).put("value", "arn:aws:ecs:eu-west-1:123456789012:task/c/" + random.nextLong()));
            records.add(record("step", at.plusSeconds(2)).put("id", "step-" + s).put("event", "done").put("summary", "Step " + s + " done"));
        }
        records.add(record("lock", at).put("event", "released").put("detail", "run ended"));
        records.add(record("finished", at.plusSeconds(3)).put("outcome", "SUCCEEDED"));
        return records;
    }

    private ObjectNode record(String type, Instant at) {
        return json.createObjectNode().put("type", type).put("at", at.toString());
    }
}
