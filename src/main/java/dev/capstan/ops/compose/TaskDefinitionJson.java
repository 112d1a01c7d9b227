package dev.capstan.ops.compose;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A translation as JSON: the task definition as RegisterTaskDefinition takes it (what {@code aws ecs register-task-definition
 * --cli-input-json} reads), with nothing empty written, and beside it the findings.
 */
public final class TaskDefinitionJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY).build();

    private TaskDefinitionJson() {
    }

    /** {@code {"taskDefinition": {...}, "findings": [...]}} */
    public static String write(ComposeTranslation translation) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("taskDefinition", translation.taskDefinition());
        both.put("findings", translation.findings());
        return text(both);
    }

    /** The task definition alone. */
    public static String taskDefinition(ComposeTranslation translation) {
        return text(translation.taskDefinition());
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task definition could not be written as JSON", e);
        }
    }
}
