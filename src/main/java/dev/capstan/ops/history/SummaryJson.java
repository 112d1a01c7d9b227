package dev.capstan.ops.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's summary as a header in the team's table carries it: what listing the team's runs needs, without their journals. */
final class SummaryJson {
    private final ObjectMapper json = new ObjectMapper();

    String write(RunSummary run) {
        ObjectNode node = json.createObjectNode().put("id", run.id()).put("operation", run.operationType()).put("title", run.title())
                .put("environment", run.environment()).put("scope", run.scope()).put("osUser", run.osUser()).put("callerArn", run.callerArn())
                .put("startedAt", text(run.startedAt())).put("finishedAt", text(run.finishedAt())).put("outcome", run.outcome().name())
                .put("error", run.error());
        ObjectNode parameters = node.putObject("parameters");
        run.parameters().forEach(parameters::put);
        ObjectNode facts = node.putObject("facts");
        run.facts().forEach((key, values) -> values.forEach(facts.withArray(key)::add));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    RunSummary read(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a run header that is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        node.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> facts = new LinkedHashMap<>();
        node.path("facts").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            facts.put(e.getKey(), values);
        });
        return new RunSummary(node.path("id").asText(), node.path("operation").asText(), node.path("title").asText(),
                node.path("environment").asText(), node.path("scope").asText(null), node.path("osUser").asText(), node.path("callerArn").asText(),
                parameters, facts, instant(node, "startedAt"), instant(node, "finishedAt"), RunOutcome.valueOf(node.path("outcome").asText()),
                node.path("error").asText(null), null);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
