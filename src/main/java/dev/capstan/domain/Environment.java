package dev.capstan.domain;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deployment environment as a team describes it in its workspace file: where its AWS resources
 * are and how careful a change to it must be. Optional parts are null when the workspace omits them.
 */
public record Environment(
        String name,
        String profile,
        String region,
        String endpoint,
        boolean production,
        boolean readOnly,
        String cluster,
        String service,
        String container,
        NetworkSettings network,
        String logGroup,
        String autoScalingGroup,
        LoadBalancerSettings loadBalancer,
        RegionDataSettings regionData,
        DatabaseSettings database,
        String lockTable,
        String historyTable,
        DeploySettings deploy) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** A name people type after --env and journals carry: letters, digits, _, . and -, starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public Environment {
        name = Require.text(name, "name", "give every environment a name such as staging");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: " + Visible.quoted(name, 40) + " is not an environment name; use at most 63 letters, "
                    + "digits, _, . and -, starting with a letter or digit, such as staging");
        }
        profile = Require.text(profile, "profile", "name the AWS profile this environment is reached with");
        region = Require.text(region, "region", "give the AWS region, for example us-east-1");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: " + Visible.quoted(region, 40) + " is not an AWS region name; write it like us-east-1");
        }
        endpoint = Require.optionalText(endpoint);
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
        cluster = Require.text(cluster, "cluster", "name the ECS cluster that runs this environment");
        service = Require.optionalText(service);
        container = Require.optionalText(container);
        logGroup = Require.optionalText(logGroup);
        autoScalingGroup = Require.optionalText(autoScalingGroup);
        lockTable = Require.optionalText(lockTable);
        historyTable = Require.optionalText(historyTable);
    }

    private static void checkEndpoint(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint: '" + endpoint + "' is not a URL; write it like http://127.0.0.1:5000", e);
        }
    }

    /** How it is deployed; environments that say nothing have no gate and no commands. */
    public DeploySettings deployment() {
        return deploy == null ? DeploySettings.none() : deploy;
    }

    /** The same environment aimed at another of its cluster's services (null: the workspace's own). */
    public Environment withService(String other) {
        if (other == null || other.isBlank() || other.equals(service)) {
            return this;
        }
        return new Environment(name, profile, region, endpoint, production, readOnly, cluster, other, container, network, logGroup,
                autoScalingGroup, loadBalancer, regionData, database, lockTable, historyTable, deploy);
    }

    public Optional<String> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }
}
