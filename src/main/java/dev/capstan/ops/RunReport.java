package dev.capstan.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A run written out for people: Markdown to paste into a release issue, or JSON for scripts. */
public final class RunReport {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private final ZoneId zone;
    private final DateTimeFormatter time;

    public RunReport(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    public static String json(RunRecord run) {
        try {
            return JSON.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run as a Markdown section: a summary table, the steps as a task list, the facts, each step's log, the history. */
    public String markdown(RunRecord run) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(run.title()).append(": ").append(run.outcome()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Run", "`" + run.id() + "` (" + run.operationType() + ")");
        row(md, "Environment", run.environment() + " (profile " + run.profile() + ")");
        row(md, "Started", at(run.startedAt()) + " by " + run.osUser() + " as `" + run.callerArn() + "`");
        if (run.finishedAt() != null) {
            row(md, "Finished", at(run.finishedAt()) + run.duration().map(d -> " (" + human(d) + ")").orElse(""));
        }
        if (!run.parameters().isEmpty()) {
            row(md, "Parameters", new TreeMap<>(run.parameters()).entrySet().stream()
                    .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").collect(Collectors.joining(", ")));
        }
        if (run.error() != null) {
            row(md, "Error", run.error());
        }
        md.append('\n');
        run.warnings().forEach(w -> md.append("> **Warning:** ").append(w).append("\n"));
        md.append(run.warnings().isEmpty() ? "" : "\n").append("### Steps\n\n");
        for (StepRecord step : run.steps()) {
            PlannedStep p = step.planned();
            md.append("- [").append(step.state() == StepRecord.State.DONE ? 'x' : ' ').append("] ")
                    .append(p.number()).append(". ").append(p.sentence())
                    .append(p.hasChange() ? " (" + p.before() + " → " + p.after() + ")" : "")
                    .append(" · *").append(p.kind().name().toLowerCase(java.util.Locale.ROOT)).append("*");
            switch (step.state()) {
                case DONE -> md.append(": ").append(step.summary());
                case FAILED -> md.append(": **failed**: ").append(step.error());
                case RUNNING -> md.append(": **interrupted while running**");
                case PENDING -> md.append(": not run");
            }
            md.append('\n');
        }
        if (!run.facts().isEmpty()) {
            md.append("\n### Facts captured\n\n");
            for (Map.Entry<String, java.util.List<String>> fact : new TreeMap<>(run.facts()).entrySet()) {
                md.append("- ").append(fact.getKey()).append(": ").append(fact.getValue().isEmpty() ? "(none)"
                        : fact.getValue().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))).append('\n');
            }
        }
        boolean anyLog = run.steps().stream().anyMatch(s -> !s.log().isEmpty());
        if (anyLog) {
            md.append("\n### Log\n");
            for (StepRecord step : run.steps()) {
                if (!step.log().isEmpty()) {
                    md.append("\nStep ").append(step.planned().number()).append(":\n\n```text\n");
                    step.log().forEach(line -> md.append(line).append('\n'));
                    md.append("```\n");
                }
            }
        }
        md.append("\n### History\n\n");
        run.history().forEach(line -> md.append("- ").append(line).append('\n'));
        if (run.tornLines() > 0) {
            md.append("\n*").append(run.tornLines()).append(" journal line(s) cut short by a crash were skipped.*\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private String at(Instant instant) {
        return time.format(instant);
    }

    public static String human(Duration d) {
        if (d.toMinutes() == 0) {
            return d.toSecondsPart() + " s";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min" + (d.toSecondsPart() == 0 ? "" : " " + d.toSecondsPart() + " s");
    }

    public ZoneId zone() {
        return zone;
    }
}
