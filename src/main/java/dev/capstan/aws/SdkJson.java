package dev.capstan.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Writes an SDK model object as JSON with the API's own field names (taskDefinitionArn,
 * containerDefinitions, …), by walking the fields the SDK describes for it: the raw view of a resource.
 */
final class SdkJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SdkJson() {
    }

    static String write(SdkPojo pojo) {
        try {
            return JSON.writeValueAsString(node(pojo));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(Object value) {
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = JSON.createObjectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object fieldValue = field.getValueOrDefault(pojo);
                if (fieldValue != null && !(fieldValue instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>)
                        && !(fieldValue instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>)) {
                    object.set(field.locationName(), node(fieldValue));
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.createArrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.createObjectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof Instant instant) {
            return JSON.getNodeFactory().textNode(instant.toString());
        }
        return JSON.valueToTree(value);
    }
}
