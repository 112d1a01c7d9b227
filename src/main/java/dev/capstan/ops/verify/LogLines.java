package dev.capstan.ops.verify;

import dev.capstan.aws.LogsGateway;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import dev.capstan.ops.logs.LogSource;
import java.util.ArrayList;
import java.util.List;

/** Reads the lines matching a term from a service's streams (or some of them), following CloudWatch's pages up to a bound. */
final class LogLines {
    private static final int MAX_PAGES = 20;

    private LogLines() {
    }

    /** @param streams particular streams, or empty for all the source's (by its prefix) */
    static List<LogEvent> matching(LogsGateway logs, AwsTarget target, LogSource source, List<String> streams, String term, long sinceMillis,
                                   int enough) {
        List<LogEvent> found = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES && found.size() < enough; page++) {
            LogsGateway.Page p = logs.filter(target, source.group(), streams.isEmpty() ? source.streamPrefix() : null, streams, sinceMillis,
                    quoted(term), token);
            // The server narrows by prefix; a stand-in may not, so the prefix is checked here too.
            p.events().stream().filter(e -> !streams.isEmpty() || source.holds(e.stream())).forEach(found::add);
            token = p.nextToken();
            if (token == null) {
                break;
            }
        }
        return found;
    }

    /** The text as one quoted CloudWatch term, so spaces and punctuation match literally. */
    static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
