package dev.capstan.ops.verify;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.ops.logs.LogSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** No line with the term (ERROR by default; a stack trace's "Exception", say) in the service's log since the deploy. */
final class NoLogLinesCheck implements Check {
    private final CheckServices services;

    NoLogLinesCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "no-log-lines";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("pattern", "since");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "No line with \"" + Params.optional(with, "pattern", "ERROR") + "\" in " + environment.service() + "'s log since "
                + Params.optional(with, "since", "the runbook began");
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        String pattern = Params.optional(with, "pattern", "ERROR");
        Instant from = Params.since(kind(), with, "since", since, services.clock().instant());
        AwsTarget target = services.targets().of(environment);
        LogSource source = services.logSources().service(environment, environment.service());
        List<LogEvent> lines = LogLines.matching(services.logs(), target, source, List.of(), pattern, from.toEpochMilli(), 5);
        List<String> evidence = new ArrayList<>();
        evidence.add("searched " + source.group() + " (" + source.title() + ") for \"" + pattern + "\" since " + from);
        lines.forEach(e -> evidence.add(Instant.ofEpochMilli(e.timestamp()) + " " + e.stream() + ": " + e.message()));
        return lines.isEmpty() ? CheckOutcome.pass("No \"" + pattern + "\" line since " + from, evidence)
                : CheckOutcome.fail("Found \"" + pattern + "\" in the log" + (lines.size() >= 5 ? " (the first 5 shown)" : ""), evidence);
    }
}
