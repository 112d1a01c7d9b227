package dev.capstan.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One revision of a task definition, with what the Task definitions view shows, diffs and checks.
 * {@code json} is the revision as the ECS API returned it, for the raw view.
 */
public record TaskDefRevision(String arn, String family, int revision, String status, String cpu, String memory, String networkMode,
                              List<String> requiresCompatibilities, Instant registeredAt, List<Container> containers, String json) {
    public TaskDefRevision {
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        containers = List.copyOf(containers);
    }

    public String name() {
        return family + ":" + revision;
    }

    /** A container definition; maps keep the order the API gave. */
    public record Container(String name, String image, Integer cpu, Integer memory, boolean essential, List<Port> ports,
                            Map<String, String> environment, Map<String, String> secrets, String logDriver, Map<String, String> logOptions,
                            List<String> links, List<String> dependsOn) {
        public Container {
            ports = List.copyOf(ports);
            links = List.copyOf(links);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    public record Port(Integer containerPort, Integer hostPort, String protocol) {
        @Override
        public String toString() {
            return (hostPort == null ? "" : hostPort + ":") + containerPort + (protocol == null ? "" : "/" + protocol);
        }
    }
}
