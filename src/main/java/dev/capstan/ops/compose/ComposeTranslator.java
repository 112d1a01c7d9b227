package dev.capstan.ops.compose;

import dev.capstan.domain.TaskDefRevision;
import dev.capstan.domain.TaskDefinitionDraft;
import dev.capstan.domain.TaskDefinitionDraft.ContainerDefinition;
import dev.capstan.domain.TaskDefinitionDraft.Dependency;
import dev.capstan.domain.TaskDefinitionDraft.KeyValue;
import dev.capstan.domain.TaskDefinitionDraft.LogConfiguration;
import dev.capstan.domain.TaskDefinitionDraft.PortMapping;
import dev.capstan.ops.taskdefs.FargateReadiness;
import dev.capstan.ops.taskdefs.FargateSizes;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ops.taskdefs.Finding.Severity;
import dev.capstan.ops.taskdefs.SecretNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a compose file's services into one Fargate task definition, a container each, and says what it changed and why:
 * what compose does that ECS does not (build, links, published ports, hostnames), and what Fargate needs that compose
 * leaves open (awslogs, a valid task size, an execution role). The rules are the README's table "Docker Compose to Fargate".
 */
public final class ComposeTranslator {
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Map<String, String> CONDITIONS = Map.of(
            "service_started", "START", "service_healthy", "HEALTHY", "service_completed_successfully", "SUCCESS");
    private static final Map<String, String> NOT_CARRIED = Map.of(
            "volumes", "a Fargate task has no host folders to mount; bake the files into the image or use an EFS volume",
            "restart", "ECS replaces a service's stopped tasks itself",
            "networks", "the containers of a task share one awsvpc network",
            "expose", "the containers of a task reach each other's ports on localhost",
            "container_name", "ECS names each container after its compose service",
            "profiles", "every service chosen is in the task",
            "labels", "ECS's docker labels are not set from them");

    private final List<Finding> findings = new ArrayList<>();

    private ComposeTranslator() {
    }

    /**
     * @param chosen the services to put in the task, by name; empty for all of them
     * @param family the task definition family to register under; null for the compose project's name
     */
    public static ComposeTranslation translate(ComposeFile compose, List<String> chosen, String family, ImportContext context) {
        return new ComposeTranslator().run(compose, chosen, family, context);
    }

    private ComposeTranslation run(ComposeFile compose, List<String> chosen, String familyGiven, ImportContext context) {
        List<ComposeService> services = choose(compose, chosen);
        String family = familyGiven != null && !familyGiven.isBlank() ? familyGiven.strip() : compose.projectName();
        if (!FAMILY.matcher(family).matches()) {
            throw new ComposeProblem("'" + family + "' cannot be a task definition family; use up to 255 letters, digits, - and _ (--family).");
        }
        Set<String> inTask = new HashSet<>();
        Set<String> hostsInTask = new HashSet<>();
        Set<String> hostsElsewhere = new HashSet<>();
        for (ComposeService s : compose.services()) {
            boolean chosenOne = services.contains(s);
            (chosenOne ? hostsInTask : hostsElsewhere).add(s.name());
            if (s.hostname() != null) {
                (chosenOne ? hostsInTask : hostsElsewhere).add(s.hostname());
            }
            if (chosenOne) {
                inTask.add(s.name());
            }
        }
        String logGroup = context.logGroup();
        if (logGroup == null) {
            logGroup = "/ecs/" + family;
            changed("Environment " + context.environment() + " names no log group, so the containers log to " + logGroup
                    + "; create that group, or add logGroup: to the environment and import again.");
        }
        Set<String> runToCompletion = new HashSet<>();
        services.forEach(s -> s.dependsOn().forEach((dep, condition) -> {
            if (condition.equals("service_completed_successfully")) {
                runToCompletion.add(dep);
            }
        }));
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ComposeService s : services) {
            containers.add(container(s, inTask, new Hostnames(hostsInTask), new Hostnames(hostsElsewhere), runToCompletion, logGroup, context.region()));
        }
        if (containers.stream().allMatch(c -> c.portMappings().isEmpty())) {
            warning("No service has ports:, so nothing outside the task can reach it: give the service a load balancer should send "
                    + "traffic to its ports:, such as - \"8080\".");
        }
        FargateSizes.Size size = size(services);
        if (context.executionRoleArn() == null) {
            blocker("No execution role was found on the task definition of the environment's service, and Fargate needs one to pull images "
                    + "and write awslogs; give that service a task definition with an executionRoleArn and import again.");
        }
        TaskDefinitionDraft draft = new TaskDefinitionDraft(family, context.taskRoleArn(), context.executionRoleArn(), "awsvpc", List.of("FARGATE"),
                Integer.toString(size.cpu()), Integer.toString(size.memory()), containers);
        findings.addAll(FargateReadiness.check(asRevision(draft)));
        return new ComposeTranslation(draft, findings);
    }

    private static List<ComposeService> choose(ComposeFile compose, List<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return compose.services();
        }
        List<ComposeService> services = new ArrayList<>();
        for (String name : chosen) {
            ComposeService service = compose.services().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new ComposeProblem(compose.source() + " has no service " + name + "; it has "
                            + String.join(", ", compose.serviceNames()) + "."));
            if (!services.contains(service)) {
                services.add(service);
            }
        }
        return services;
    }

    private ContainerDefinition container(ComposeService s, Set<String> inTask, Hostnames local, Hostnames elsewhere, Set<String> runToCompletion,
                                          String logGroup, String region) {
        if (s.image() == null) {
            throw new ComposeProblem(s.build()
                    ? "Service " + s.name() + " has only build:, and ECS runs images, it does not build them: build the image, push it to a "
                    + "registry such as ECR, name it in image: and import again."
                    : "Service " + s.name() + " has no image:; name the image it runs, such as postgres:16.");
        }
        if (s.build()) {
            changed(s.name() + "'s build: is not carried: ECS runs the image " + s.image() + " as pushed, so build and push it first.");
        }
        boolean essential = !runToCompletion.contains(s.name());
        if (!essential) {
            changed(s.name() + " is not essential: another container waits for it to complete, so its exit must not stop the task.");
        }
        return new ContainerDefinition(s.name(), s.image(), essential, s.entrypoint(), s.command(), environment(s, local, elsewhere), ports(s),
                dependencies(s, inTask), ComposeHealthchecks.toEcs(s, this::changed),
                new LogConfiguration("awslogs", logOptions(logGroup, region, s.name())));
    }

    private static Map<String, String> logOptions(String logGroup, String region, String prefix) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("awslogs-group", logGroup);
        options.put("awslogs-region", region);
        options.put("awslogs-stream-prefix", prefix);
        return options;
    }

    private List<KeyValue> environment(ComposeService s, Hostnames local, Hostnames elsewhere) {
        List<KeyValue> variables = new ArrayList<>();
        s.environment().forEach((name, value) -> {
            String host = local.hostIn(value);
            String written = value;
            if (host != null) {
                written = local.rewrite(value);
                changed(s.name() + "'s " + name + " names " + host + " as a host; the containers of a task share localhost, so it reads localhost"
                        + (SecretNames.looksSecret(name) ? "." : ": " + written + "."));
            } else if ((host = elsewhere.hostIn(value)) != null) {
                warning(s.name() + "'s " + name + " names " + host + ", which is not in this task: point it at where " + host + " runs on AWS.");
            }
            if (SecretNames.looksSecret(name) && !value.isBlank()) {
                warning(s.name() + "'s " + name + " looks like a secret and would be plain text in the task definition: store it in Secrets "
                        + "Manager or SSM Parameter Store and name it under the container's secrets.");
            }
            variables.add(new KeyValue(name, written));
        });
        for (String name : s.fromHost()) {
            changed(s.name() + "'s " + name + " takes its value from the shell that runs compose; the task definition has none, so give it a "
                    + "value in environment: or an env_file.");
        }
        return variables;
    }

    private List<PortMapping> ports(ComposeService s) {
        List<PortMapping> mappings = new ArrayList<>();
        for (ComposePort p : s.ports()) {
            if (p.published() != null && p.published() != p.target()) {
                changed(s.name() + " published port " + p.published() + " for its port " + p.target() + "; on Fargate a task is reached on the "
                        + "container's own port, so it is " + p.target() + " (aim the load balancer or the URL at " + p.target() + ").");
            }
            PortMapping mapping = new PortMapping(p.target(), p.target(), p.protocol());
            if (!mappings.contains(mapping)) {
                mappings.add(mapping);
            }
        }
        if (!s.links().isEmpty()) {
            changed(s.name() + "'s links " + s.links() + " are dropped: awsvpc has no links, the containers of a task reach each other on localhost.");
        }
        for (String setting : s.otherSettings()) {
            changed(s.name() + "'s " + setting + ": is not carried: " + NOT_CARRIED.getOrDefault(setting, "Capstan does not translate it") + ".");
        }
        return mappings;
    }

    private List<Dependency> dependencies(ComposeService s, Set<String> inTask) {
        List<Dependency> dependencies = new ArrayList<>();
        s.dependsOn().forEach((dep, condition) -> {
            String ecs = CONDITIONS.get(condition);
            if (ecs == null) {
                throw new ComposeProblem(s.name() + " depends on " + dep + " with condition " + condition
                        + "; use service_started, service_healthy or service_completed_successfully.");
            }
            if (!inTask.contains(dep)) {
                changed(s.name() + " depends on " + dep + ", which is not in this task, so that dependency is dropped.");
            } else {
                dependencies.add(new Dependency(dep, ecs));
            }
        });
        return dependencies;
    }

    /** The services' limits summed and rounded up to the smallest Fargate size that holds them. */
    private FargateSizes.Size size(List<ComposeService> services) {
        int cpu = 0;
        int memory = 0;
        List<String> unsized = new ArrayList<>();
        for (ComposeService s : services) {
            cpu += s.cpuUnits() == null ? 0 : s.cpuUnits();
            memory += s.memoryMiB() == null ? 0 : s.memoryMiB();
            if (s.cpuUnits() == null && s.memoryMiB() == null) {
                unsized.add(s.name());
            }
        }
        if (!unsized.isEmpty()) {
            changed(String.join(", ", unsized) + (unsized.size() == 1 ? " gives" : " give") + " no cpu or memory (deploy.resources.limits), "
                    + "so the task's size counts " + (unsized.size() == 1 ? "it" : "them") + " as nothing beyond the smallest Fargate size.");
        }
        FargateSizes.Size size = FargateSizes.smallestFitting(cpu, memory).orElseThrow(() -> new ComposeProblem(
                "The services ask for more than the largest Fargate task (cpu 16384 with memory 122880 MiB); lower their deploy.resources.limits."));
        if (size.cpu() != cpu || size.memory() != memory) {
            changed("The services ask for cpu " + cpu + " and memory " + memory + " MiB together; Fargate's nearest size at or above that is cpu "
                    + size.cpu() + " with memory " + size.memory() + ".");
        }
        return size;
    }

    /** The draft as the readiness check reads a registered revision. */
    static TaskDefRevision asRevision(TaskDefinitionDraft d) {
        List<TaskDefRevision.Container> containers = d.containerDefinitions().stream().map(c -> {
            Map<String, String> env = new LinkedHashMap<>();
            c.environment().forEach(kv -> env.put(kv.name(), kv.value()));
            return new TaskDefRevision.Container(c.name(), c.image(), null, null, c.essential(),
                    c.portMappings().stream().map(p -> new TaskDefRevision.Port(p.containerPort(), p.hostPort(), p.protocol())).toList(),
                    env, Map.of(), c.logConfiguration().logDriver(), c.logConfiguration().options(), List.of(),
                    c.dependsOn().stream().map(x -> x.containerName() + " " + x.condition()).toList());
        }).toList();
        return new TaskDefRevision(null, d.family(), 0, "DRAFT", d.cpu(), d.memory(), d.networkMode(), d.requiresCompatibilities(), null,
                containers, "");
    }

    private void changed(String sentence) {
        findings.add(new Finding(Severity.CHANGED, sentence));
    }

    private void warning(String sentence) {
        findings.add(new Finding(Severity.WARNING, sentence));
    }

    private void blocker(String sentence) {
        findings.add(new Finding(Severity.BLOCKER, sentence));
    }
}
