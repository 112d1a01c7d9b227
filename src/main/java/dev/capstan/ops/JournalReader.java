package dev.capstan.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a journal back into a {@link RunRecord}. A line that is not JSON (the last write of a killed
 * process, cut short) is counted and skipped; it never stops the rest from being read.
 */
final class JournalReader {
    private final ObjectMapper json;

    JournalReader(ObjectMapper json) {
        this.json = json;
    }

    /** The run as its journal tells it; {@code live} says whether some process is running it now. */
    RunRecord read(Path file, boolean live) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run journal " + file + ": " + e.getMessage(), e);
        }
        return fold(lines, file, live);
    }

    /** The run as these journal lines tell it (a journal mirrored in the team's history has no file here: {@code file} is null). */
    RunRecord fold(List<String> lines, Path file, boolean live) {
        Fold fold = new Fold();
        int torn = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                torn++;
                continue;
            }
            if (record != null && record.isObject()) {
                fold.apply(record);
            } else {
                torn++;
            }
        }
        if (fold.id == null) {
            throw new IllegalArgumentException((file == null ? "A mirrored journal" : file.toString()) + " is not a Capstan run journal: it has no run record");
        }
        return fold.toRecord(file, live, torn);
    }

    /** The run's state as the records arrive. */
    private static final class Fold {
        String id;
        String operationType;
        String title;
        String environment;
        String profile;
        String osUser;
        String callerArn;
        String scope;
        JsonNode request;
        final Map<String, String> parameters = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        final List<MutableStep> steps = new ArrayList<>();
        final Map<String, List<String>> facts = new LinkedHashMap<>();
        final List<String> history = new ArrayList<>();
        Instant startedAt;
        Instant finishedAt;
        RunOutcome ended;
        String error;

        void apply(JsonNode r) {
            String at = r.path("at").asText("");
            switch (r.path("type").asText("")) {
                case "run" -> start(r);
                case "confirmed" -> history.add(at + " confirmed by " + r.path("by").asText() + text(r, "typedName", " (typed the environment name)"));
                case "lock" -> history.add(at + " lock " + r.path("event").asText() + ": " + r.path("detail").asText());
                case "step" -> step(r);
                case "log" -> find(r.path("step").asText()).log.add(r.path("text").asText());
                case "fact" -> facts.put(r.path("key").asText(), values(r.path("value")));
                case "resumed" -> {
                    history.add(at + " resumed by " + r.path("by").asText() + " (" + r.path("callerArn").asText() + ")");
                    ended = null;
                    error = null;
                    finishedAt = null;
                }
                case "finished" -> {
                    ended = RunOutcome.valueOf(r.path("outcome").asText());
                    error = r.hasNonNull("error") ? r.get("error").asText() : null;
                    finishedAt = Instant.parse(at);
                    history.add(at + " finished: " + ended + (error == null ? "" : " (" + error + ")"));
                }
                case "stopped" -> history.add(at + " stopped: " + r.path("reason").asText() + " (it can be resumed)");
                case "abandoned" -> {
                    ended = RunOutcome.ABANDONED;
                    if (finishedAt == null) {
                        finishedAt = Instant.parse(at);
                    }
                    history.add(at + " abandoned by " + r.path("by").asText() + ": " + r.path("reason").asText());
                }
                default -> history.add(at + " " + r.path("type").asText() + " (not understood by this version)");
            }
        }

        private static String text(JsonNode r, String field, String ifPresent) {
            return r.hasNonNull(field) && !r.get(field).asText().isEmpty() ? ifPresent : "";
        }

        private void start(JsonNode r) {
            id = r.path("id").asText();
            operationType = r.path("operation").asText();
            title = r.path("title").asText();
            environment = r.path("environment").asText();
            scope = r.path("scope").asText(null);
            profile = r.path("profile").asText();
            osUser = r.path("osUser").asText();
            callerArn = r.path("callerArn").asText();
            startedAt = Instant.parse(r.path("at").asText());
            request = r.hasNonNull("request") ? r.get("request") : null;
            r.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            r.path("warnings").forEach(w -> warnings.add(w.asText()));
            for (JsonNode s : r.path("plan")) {
                List<String> details = new ArrayList<>();
                s.path("details").forEach(d -> details.add(d.asText()));
                steps.add(new MutableStep(new PlannedStep(s.path("number").asInt(), s.path("id").asText(),
                        StepKind.valueOf(s.path("kind").asText()), s.path("sentence").asText(), s.path("before").asText(""),
                        s.path("after").asText(""), details)));
            }
            history.add(r.path("at").asText() + " started by " + osUser + " (" + callerArn + ")");
        }

        private void step(JsonNode r) {
            MutableStep step = find(r.path("id").asText());
            Instant at = Instant.parse(r.path("at").asText());
            switch (r.path("event").asText()) {
                case "started" -> {
                    step.state = StepRecord.State.RUNNING;
                    step.startedAt = at;
                    step.error = null;
                }
                case "done" -> {
                    step.state = StepRecord.State.DONE;
                    step.finishedAt = at;
                    step.summary = r.path("summary").asText();
                }
                case "failed" -> {
                    step.state = StepRecord.State.FAILED;
                    step.finishedAt = at;
                    step.error = r.path("error").asText();
                }
                default -> {
                }
            }
        }

        private MutableStep find(String stepId) {
            return steps.stream().filter(s -> s.planned.id().equals(stepId)).findFirst()
                    .orElseGet(() -> {
                        // A record for a step the plan does not list (written by another version): keep it visible.
                        MutableStep extra = new MutableStep(new PlannedStep(steps.size() + 1, stepId, StepKind.READ, stepId, "", ""));
                        steps.add(extra);
                        return extra;
                    });
        }

        private static List<String> values(JsonNode value) {
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asText()));
            } else {
                values.add(value.asText());
            }
            return values;
        }

        RunRecord toRecord(Path file, boolean live, int torn) {
            RunOutcome outcome = ended != null ? ended : live ? RunOutcome.RUNNING : RunOutcome.INTERRUPTED;
            return new RunRecord(id, file, operationType, title, environment, scope, profile, osUser, callerArn, parameters, request, warnings,
                    steps.stream().map(MutableStep::toRecord).toList(), facts, startedAt, finishedAt, outcome, error, history, torn);
        }
    }

    private static final class MutableStep {
        final PlannedStep planned;
        StepRecord.State state = StepRecord.State.PENDING;
        Instant startedAt;
        Instant finishedAt;
        String summary;
        String error;
        final List<String> log = new ArrayList<>();

        MutableStep(PlannedStep planned) {
            this.planned = planned;
        }

        StepRecord toRecord() {
            return new StepRecord(planned, state, startedAt, finishedAt, summary, error, log);
        }
    }
}
