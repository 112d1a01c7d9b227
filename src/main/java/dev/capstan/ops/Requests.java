package dev.capstan.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request records to and from the journal, by Jackson. A journal's header holds the request as it is (lists
 * as lists, durations as ISO-8601) and, beside it, the same flattened to text ({@link #flat}): what the run
 * index, reports and history lookups read. Journals written before requests were records hold only the
 * text; {@link #fromFlat} reads them (JSON text for lists and maps, comma-separated lists, durations as
 * whole seconds under {@code <name>Seconds}).
 */
public final class Requests {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Requests() {
    }

    public static JsonNode toJson(Record request) {
        return JSON.valueToTree(request);
    }

    public static <R extends Record> R fromJson(JsonNode json, Class<R> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The journal's request cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Each component as text: durations as whole seconds under {@code <name>Seconds}, lists, maps and records as JSON; nulls left out. */
    public static Map<String, String> flat(Record request) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value = valueOf(component, request);
            if (value == null) {
                continue;
            }
            if (value instanceof Duration duration) {
                flat.put(component.getName() + "Seconds", Long.toString(duration.toSeconds()));
            } else if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Record) {
                flat.put(component.getName(), JSON.valueToTree(value).toString());
            } else {
                flat.put(component.getName(), value.toString());
            }
        }
        return flat;
    }

    /** A request from its flat text; blank values read as absent. */
    public static <R extends Record> R fromFlat(Map<String, String> flat, Class<R> type) {
        ObjectNode node = JSON.createObjectNode();
        flat.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                node.put(key, value);
            }
        });
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Class<?> kind = component.getType();
            if (kind == Duration.class) {
                String seconds = flat.get(name + "Seconds");
                if (seconds != null && !seconds.isBlank()) {
                    node.put(name, Duration.ofSeconds(Long.parseLong(seconds.strip())).toString());
                }
            } else if (node.has(name) && (Collection.class.isAssignableFrom(kind) || Map.class.isAssignableFrom(kind) || kind.isRecord())) {
                node.set(name, structured(name, node.get(name).asText(), Collection.class.isAssignableFrom(kind)));
            }
        }
        return fromJson(node, type);
    }

    private static JsonNode structured(String name, String text, boolean list) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The journal's " + name + " is damaged: " + e.getOriginalMessage(), e);
            }
        }
        if (!list) {
            throw new IllegalArgumentException("The journal's " + name + " is not a JSON object: " + text);
        }
        return JSON.valueToTree(Arrays.stream(trimmed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static Object valueOf(RecordComponent component, Record request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + request.getClass().getSimpleName(), e);
        }
    }
}
