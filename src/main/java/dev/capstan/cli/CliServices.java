package dev.capstan.cli;

import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.config.WorkspaceLoader;
import dev.capstan.ops.Operations;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import dev.capstan.ops.history.TeamHistory;
import java.util.Map;

/** What the CLI commands need from the composition root. */
public record CliServices(ProfileCatalog profiles, IdentityGateway identity, EnvironmentCheck environmentCheck,
                          WorkspaceLoader workspaceLoader, Map<String, String> environmentVariables,
                          Operations operations, Benchmarks benchmarks,
                          LogReading logs, TeamHistory history) {
}
