package dev.capstan.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.TaskDefinitionDraft.ContainerDefinition;
import dev.capstan.domain.TaskDefinitionDraft.Dependency;
import dev.capstan.domain.TaskDefinitionDraft.HealthCheck;
import dev.capstan.domain.TaskDefinitionDraft.KeyValue;
import dev.capstan.domain.TaskDefinitionDraft.PortMapping;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ops.taskdefs.Finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files of the shapes teams write, and the Fargate task definitions and findings they make. */
class ComposeTranslatorTest {
    private static final ImportContext CONTEXT = new ImportContext("staging", "eu-west-2", "/ecs/staging", "arn:aws:iam::1:role/exec", null);
    @TempDir
    Path dir;

    private ComposeTranslation translate(String yaml, List<String> services) throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeTranslator.translate(ComposeFile.read(file), services, null, CONTEXT);
    }

    private static ContainerDefinition container(ComposeTranslation t, String name) {
        return t.taskDefinition().containerDefinitions().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> sentences(ComposeTranslation t, Severity severity) {
        return t.findings().stream().filter(f -> f.severity() == severity).map(Finding::sentence).toList();
    }

    @Test
    void anAppWithItsDatabaseBecomesOneFargateTaskWithHealthOrderingAndLocalhost() throws Exception {
        Files.writeString(dir.resolve("web.env"), "# shared settings\nLOG_LEVEL=info\nexport REGION_NAME=\"north\"\n");
        ComposeTranslation t = translate("""
                name: shop
                services:
                  web:
                    image: registry.example.com/shop/web:1.4.2
                    command: ["node", "server.js"]
                    env_file: web.env
                    environment:
                      DATABASE_URL: postgres://shop@db:5432/shop
                      CACHE_HOST: cache
                      LOG_LEVEL: debug
                    ports:
                      - "8080:3000"
                    depends_on:
                      db:
                        condition: service_healthy
                      migrate:
                        condition: service_completed_successfully
                      cache: {}
                    deploy:
                      resources:
                        limits: {cpus: "0.5", memory: 700M}
                  migrate:
                    image: registry.example.com/shop/web:1.4.2
                    entrypoint: npm run migrate
                    depends_on: [db]
                  cache:
                    image: redis:7
                    links: [db]
                  db:
                    image: postgres:16
                    environment:
                      - POSTGRES_DB=shop
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready -U shop"]
                      interval: 1500ms
                      timeout: 90s
                      retries: 5
                      start_period: 1m
                    deploy:
                      resources:
                        limits: {cpus: "0.5", memory: 1G}
                """, List.of());

        assertThat(t.taskDefinition().family()).isEqualTo("shop");
        assertThat(t.taskDefinition().networkMode()).isEqualTo("awsvpc");
        assertThat(t.taskDefinition().requiresCompatibilities()).containsExactly("FARGATE");
        assertThat(t.taskDefinition().executionRoleArn()).isEqualTo("arn:aws:iam::1:role/exec");
        assertThat(t.taskDefinition().containerDefinitions()).extracting(ContainerDefinition::name).containsExactly("web", "migrate", "cache", "db");
        ContainerDefinition web = container(t, "web");
        assertThat(web.command()).containsExactly("node", "server.js");
        assertThat(web.environment()).as("env_file first, environment: over it, hosts of the task on localhost").containsExactly(
                new KeyValue("LOG_LEVEL", "debug"), new KeyValue("REGION_NAME", "north"),
                new KeyValue("DATABASE_URL", "postgres://shop@localhost:5432/shop"), new KeyValue("CACHE_HOST", "localhost"));
        assertThat(web.portMappings()).containsExactly(new PortMapping(3000, 3000, "tcp"));
        assertThat(web.dependsOn()).containsExactly(new Dependency("db", "HEALTHY"), new Dependency("migrate", "SUCCESS"),
                new Dependency("cache", "START"));
        assertThat(web.logConfiguration().options()).containsEntry("awslogs-group", "/ecs/staging").containsEntry("awslogs-region", "eu-west-2")
                .containsEntry("awslogs-stream-prefix", "web");
        assertThat(container(t, "migrate").entryPoint()).containsExactly("npm", "run", "migrate");
        assertThat(container(t, "migrate").essential()).isFalse();
        assertThat(container(t, "db").healthCheck()).isEqualTo(new HealthCheck(List.of("CMD-SHELL", "pg_isready -U shop"), 5, 60, 5, 60));
        assertThat(t.taskDefinition().cpu()).isEqualTo("1024");
        assertThat(t.taskDefinition().memory()).isEqualTo("2048");

        assertThat(sentences(t, Severity.CHANGED)).contains(
                "web published port 8080 for its port 3000; on Fargate a task is reached on the container's own port, so it is 3000 "
                        + "(aim the load balancer or the URL at 3000).",
                "web's DATABASE_URL names db as a host; the containers of a task share localhost, so it reads localhost: "
                        + "postgres://shop@localhost:5432/shop.",
                "migrate is not essential: another container waits for it to complete, so its exit must not stop the task.",
                "cache's links [db] are dropped: awsvpc has no links, the containers of a task reach each other on localhost.",
                "db's healthcheck interval of 1500 ms is 2 s: ECS counts health check times in whole seconds.",
                "db's healthcheck interval of 2 s is 5 s: ECS takes 5 to 300 s.",
                "db's healthcheck timeout of 90 s is 60 s: ECS takes 2 to 60 s.",
                "migrate, cache give no cpu or memory (deploy.resources.limits), so the task's size counts them as nothing beyond the smallest Fargate size.",
                "The services ask for cpu 1024 and memory 1724 MiB together; Fargate's nearest size at or above that is cpu 1024 with memory 2048.");
        assertThat(t.blocked()).as("the result passes the Fargate readiness check").isFalse();
        assertThat(sentences(t, Severity.WARNING)).as("the readiness check still says a START dependency does not wait").containsExactly(
                "Container web depends on [cache START] starting; ECS only orders container starts, it does not wait for a service to be ready: "
                        + "give that container a health check and depend on it being HEALTHY, or make the app retry its connections.",
                "Container migrate depends on [db START] starting; ECS only orders container starts, it does not wait for a service to be ready: "
                        + "give that container a health check and depend on it being HEALTHY, or make the app retry its connections.");
    }

    @Test
    void aServiceWithOnlyABuildIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> translate("""
                services:
                  api:
                    build: .
                    ports: ["80"]
                """, List.of())).isInstanceOf(ComposeProblem.class).hasMessage("Service api has only build:, and ECS runs images, it does not build "
                + "them: build the image, push it to a registry such as ECR, name it in image: and import again.");
    }

    @Test
    void choosingServicesDropsDependenciesOnTheOthersAndWarnsOfTheirHostnames() throws Exception {
        ComposeTranslation t = translate("""
                services:
                  api:
                    image: example/api:2
                    build: ./api
                    environment:
                      - UPSTREAM=http://worker:9000/jobs
                      - API_TOKEN=abc123
                      - HOME_DIR
                    depends_on: [worker]
                    ports:
                      - target: 9090
                        published: 9090
                        protocol: tcp
                    volumes: ["./data:/data"]
                  worker:
                    image: example/worker:2
                """, List.of("api"));

        ContainerDefinition api = container(t, "api");
        assertThat(t.taskDefinition().containerDefinitions()).hasSize(1);
        assertThat(api.dependsOn()).isEmpty();
        assertThat(api.environment()).contains(new KeyValue("UPSTREAM", "http://worker:9000/jobs"));
        assertThat(t.taskDefinition().cpu()).isEqualTo("256");
        assertThat(t.taskDefinition().memory()).isEqualTo("512");
        assertThat(sentences(t, Severity.CHANGED)).contains(
                "api's build: is not carried: ECS runs the image example/api:2 as pushed, so build and push it first.",
                "api depends on worker, which is not in this task, so that dependency is dropped.",
                "api's HOME_DIR takes its value from the shell that runs compose; the task definition has none, so give it a value in environment: or an env_file.",
                "api's volumes: is not carried: a Fargate task has no host folders to mount; bake the files into the image or use an EFS volume.");
        assertThat(sentences(t, Severity.WARNING)).contains(
                "api's UPSTREAM names worker, which is not in this task: point it at where worker runs on AWS.",
                "api's API_TOKEN looks like a secret and would be plain text in the task definition: store it in Secrets Manager or SSM "
                        + "Parameter Store and name it under the container's secrets.");
        assertThat(String.join(" ", sentences(t, Severity.WARNING))).doesNotContain("abc123");
    }

    @Test
    void aTaskWithNoPortIsWarnedOfAndOneWithNoExecutionRoleIsBlocked() throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  worker:\n    image: example/worker:1\n    command: run-jobs --forever\n");
        ComposeTranslation t = ComposeTranslator.translate(ComposeFile.read(file), List.of(), "jobs",
                new ImportContext("dev", "us-east-1", null, null, null));

        assertThat(t.taskDefinition().family()).isEqualTo("jobs");
        assertThat(container(t, "worker").command()).containsExactly("run-jobs", "--forever");
        assertThat(sentences(t, Severity.WARNING)).contains("No service has ports:, so nothing outside the task can reach it: give the service "
                + "a load balancer should send traffic to its ports:, such as - \"8080\".");
        assertThat(sentences(t, Severity.CHANGED)).contains("Environment dev names no log group, so the containers log to /ecs/jobs; create that "
                + "group, or add logGroup: to the environment and import again.");
        assertThat(t.blocked()).isTrue();
    }

    @Test
    void badInputIsRefusedWithTheFix() throws Exception {
        assertThatThrownBy(() -> translate("services:\n  a:\n    image: x\n", List.of("b"))).isInstanceOf(ComposeProblem.class)
                .hasMessageEndingWith("has no service b; it has a.");
        assertThatThrownBy(() -> translate("version: '3'\n", List.of())).isInstanceOf(ComposeProblem.class)
                .hasMessageEndingWith("has no services: a compose file lists its containers under services:.");
        assertThatThrownBy(() -> translate("services:\n  a:\n    image: x\n    env_file: missing.env\n", List.of())).isInstanceOf(ComposeProblem.class)
                .hasMessageContaining("which does not exist; create it, or mark it required: false.");
        assertThatThrownBy(() -> translate("services:\n  a:\n    image: x\n    deploy: {resources: {limits: {memory: lots}}}\n", List.of()))
                .isInstanceOf(ComposeProblem.class).hasMessage("Service a asks for memory 'lots'; write it like 512M or 1G.");
        assertThatThrownBy(() -> translate("services:\n  a:\n    image: x\n    depends_on: {b: {condition: service_ready}}\n  b:\n    image: y\n",
                List.of())).isInstanceOf(ComposeProblem.class)
                .hasMessage("a depends on b with condition service_ready; use service_started, service_healthy or service_completed_successfully.");
        assertThatThrownBy(() -> translate("services: [\n", List.of())).isInstanceOf(ComposeProblem.class).hasMessageContaining("is not YAML");
    }

    @Test
    void theSandboxsExampleIsReadyForFargateAndShowsEveryKindOfChange() throws Exception {
        for (String name : List.of("compose.yaml", "web.env")) {
            try (var in = dev.capstan.sandbox.Sandbox.class.getResourceAsStream("compose/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        ComposeTranslation t = ComposeTranslator.translate(ComposeFile.read(dir.resolve("compose.yaml")), List.of(), null, CONTEXT);

        assertThat(t.blocked()).isFalse();
        assertThat(t.taskDefinition().family()).isEqualTo("storefront");
        assertThat(t.taskDefinition().containerDefinitions()).extracting(ContainerDefinition::name).containsExactly("web", "migrate", "cache", "db");
        assertThat(sentences(t, Severity.CHANGED)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(sentences(t, Severity.WARNING)).anyMatch(s -> s.startsWith("web's SESSION_SECRET looks like a secret"));
    }
}
