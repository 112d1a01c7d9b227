package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The team's shared run history in the estate's own account: a DynamoDB table with a string partition key
 * {@code pk} and sort key {@code sk}. Each run has a header item under its environment (who runs it, its summary,
 * its console's heartbeat, how many journal lines are mirrored) and its journal lines in chunk items of its own.
 * A header write is conditional on the console that owns the run, so a run resumed elsewhere can never be
 * written to by the console that lost it.
 */
public interface HistoryTable {
    /** One run's header: which console runs it, when that console last beat, and how many journal lines the chunks hold. */
    record Header(String environment, String runId, String summaryJson, String console, String consoleName, Instant heartbeat, int lines) {
    }

    boolean exists(AwsTarget target, String table);

    /** Creates the table (on-demand billing) and waits until it can be used. */
    void create(AwsTarget target, String table);

    /** Writes journal lines {@code start} … {@code start + lines.size() - 1} of a run as one chunk; writing the same chunk again replaces it. */
    void putChunk(AwsTarget target, String table, String environment, String runId, int start, List<String> lines);

    /** Writes the header if no console owns the run yet or {@code header.console()} does; false if another console took it over. */
    boolean putHeader(AwsTarget target, String table, Header header);

    /** Hands the run to another console if its header is still the one {@code seen}; false if it moved on meanwhile. */
    boolean claim(AwsTarget target, String table, Header seen, String console, String consoleName, Instant at);

    /** Every run header of the environment. */
    List<Header> headers(AwsTarget target, String table, String environment);

    Optional<Header> header(AwsTarget target, String table, String environment, String runId);

    /** The run's first {@code count} journal lines, in order. */
    List<String> lines(AwsTarget target, String table, String environment, String runId, int count);
}
