package dev.capstan.ops.history;

import dev.capstan.domain.AwsTarget;

/**
 * Where one environment's runs are shared: its history table in its account and region.
 *
 * @param writable false where the environment is read-only here: its runs are read from the team's record but not sent to it
 */
record HistoryPlace(String environment, AwsTarget target, String table, boolean writable) {
}
