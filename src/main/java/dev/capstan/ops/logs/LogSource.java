package dev.capstan.ops.logs;

import java.util.List;

/**
 * What a log view reads: a log group, narrowed to a stream prefix (a service's container: prefix/container/)
 * or to named streams (a task's containers: prefix/container/task-id).
 */
public record LogSource(String title, String group, String streamPrefix, List<String> streams) {
    public LogSource {
        streams = List.copyOf(streams);
    }

    /** Whether an event of this stream belongs to the source. */
    public boolean holds(String stream) {
        if (!streams.isEmpty()) {
            return streams.contains(stream);
        }
        return streamPrefix == null || streamPrefix.isEmpty() || (stream != null && stream.startsWith(streamPrefix));
    }

    public static LogSource group(String group) {
        return new LogSource("log group " + group, group, null, List.of());
    }
}
