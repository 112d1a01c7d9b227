package dev.capstan.ops.history;

import java.util.List;

/**
 * How one environment's history is kept.
 *
 * @param table   the table the team's runs are shared in; null when the history is local to this machine
 * @param waiting runs with records the table has not taken yet
 * @param problem why the table could not be read or written lately; null when it answers
 */
public record HistoryStatus(String environment, String table, boolean tableExists, List<Waiting> waiting, String problem) {
    public HistoryStatus {
        waiting = List.copyOf(waiting);
    }

    /** One run with {@code lines} journal records still to send. */
    public record Waiting(String runId, String title, int lines) {
    }

    public boolean shared() {
        return table != null;
    }

    /** In a sentence, as Activity says it. */
    public String sentence() {
        if (table == null) {
            return "History is local to this machine: " + environment + " names no historyTable, so other consoles do not see these runs.";
        }
        if (!tableExists) {
            return "Runs of " + environment + " are to be shared in the DynamoDB table " + table + ", which does not exist yet: create it to share them.";
        }
        int lines = waiting.stream().mapToInt(Waiting::lines).sum();
        String sent = waiting.isEmpty() ? "everything written here has reached it"
                : lines + " record" + (lines == 1 ? "" : "s") + " of " + waiting.size() + " run" + (waiting.size() == 1 ? "" : "s") + " still to send";
        return "Shared with the team in " + table + ": " + sent + (problem == null ? "." : "; last problem: " + problem);
    }
}
