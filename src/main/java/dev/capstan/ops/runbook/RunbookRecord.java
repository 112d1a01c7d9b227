package dev.capstan.ops.runbook;

import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunReport;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A runbook run as the filled-in release issue it replaces: every step ticked or not, who did it and
 * when, each operation's run and outcome, each check's evidence.
 */
public final class RunbookRecord {
    private final DateTimeFormatter time;

    public RunbookRecord(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    /** The Markdown of any run: a runbook run as its checklist, any other as {@link RunReport} writes it. */
    public static String of(RunRecord run, ZoneId zone) {
        return RunbookRun.TYPE.equals(run.operationType()) ? new RunbookRecord(zone).markdown(run) : new RunReport(zone).markdown(run);
    }

    public String markdown(RunRecord run) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(run.title()).append("\n\n");
        md.append("Run `").append(run.id()).append("` on ").append(run.environment()).append(", started ").append(at(run.startedAt()))
                .append(" by ").append(run.osUser()).append(" as `").append(run.callerArn()).append("`. ")
                .append(outcome(run)).append("\n\n");
        Map<String, String> values = run.parameters().containsKey("values") ? RunbookRun.values(run.parameters().get("values")) : Map.of();
        if (!values.isEmpty()) {
            md.append("Parameters: ");
            md.append(String.join(", ", new TreeMap<>(values).entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").toList()));
            md.append("\n\n");
        }
        for (StepRecord step : run.steps()) {
            boolean done = step.state() == StepRecord.State.DONE;
            md.append("- [").append(done ? 'x' : ' ').append("] **").append(step.planned().number()).append(". ")
                    .append(step.planned().sentence()).append("**");
            switch (step.state()) {
                case DONE -> md.append(" — ").append(step.summary()).append(who(run, step));
                case FAILED -> md.append(" — **failed** ").append(at(step.finishedAt())).append(": ").append(step.error());
                case RUNNING -> md.append(" — in progress since ").append(at(step.startedAt()));
                case PENDING -> md.append(" — not done yet");
            }
            md.append('\n');
            List<String> evidence = step.log().stream().filter(line -> line.startsWith("evidence: ")).map(line -> line.substring(10)).toList();
            evidence.forEach(line -> md.append("  - ").append(line).append('\n'));
            if (step.planned().kind() == StepKind.MANUAL && step.state() != StepRecord.State.DONE) {
                step.planned().details().forEach(line -> md.append("  > ").append(line).append('\n'));
            }
        }
        return md.toString();
    }

    /** A manual step's summary already says who ticked it; the others say who ran the runbook and when the step ended. */
    private String who(RunRecord run, StepRecord step) {
        if (step.planned().kind() == StepKind.MANUAL) {
            return "";
        }
        return " (" + run.osUser() + ", " + at(step.finishedAt()) + ")";
    }

    private String outcome(RunRecord run) {
        return switch (run.outcome()) {
            case SUCCEEDED -> "Done " + at(run.finishedAt()) + run.duration().map(d -> " (" + RunReport.human(d) + ")").orElse("") + ".";
            case RUNNING -> "In progress.";
            default -> run.outcome().name().charAt(0) + run.outcome().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                    + (run.error() == null ? "." : ": " + run.error());
        };
    }

    private String at(Instant instant) {
        return instant == null ? "?" : time.format(instant);
    }
}
