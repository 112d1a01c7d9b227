package dev.capstan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first key in a YAML tree that the record it will become has no component for. It runs
 * before the records are built: a misspelt required key ("clustr") is the real mistake, and reporting
 * it beats reporting the "missing" key it was meant to be.
 */
final class UnknownKeys {
    record Unknown(String pointer, String dotted, String key, List<String> allowed) {
        Optional<String> suggestion() {
            return allowed.stream().filter(a -> a.equalsIgnoreCase(key) || distance(a.toLowerCase(), key.toLowerCase()) <= 2)
                    .min(Comparator.comparingInt(a -> distance(a.toLowerCase(), key.toLowerCase())));
        }
    }

    private UnknownKeys() {
    }

    static Optional<Unknown> find(JsonNode node, Class<?> recordType) {
        return find(node, recordType, "", "");
    }

    private static Optional<Unknown> find(JsonNode node, Type type, String pointer, String dotted) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType list && node.isArray()) {
            Type element = list.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                Optional<Unknown> found = find(node.get(i), element, pointer + "/" + i, dotted + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!(type instanceof Class<?> cls) || !cls.isRecord() || !node.isObject()) {
            return Optional.empty();
        }
        List<RecordComponent> components = Arrays.asList(cls.getRecordComponents());
        List<String> allowed = components.stream().map(RecordComponent::getName).toList();
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            String childPointer = pointer + "/" + key;
            String childDotted = dotted.isEmpty() ? key : dotted + "." + key;
            Optional<RecordComponent> component = components.stream().filter(c -> c.getName().equals(key)).findFirst();
            if (component.isEmpty()) {
                return Optional.of(new Unknown(childPointer, childDotted, key, allowed));
            }
            Optional<Unknown> deeper = find(node.get(key), component.get().getGenericType(), childPointer, childDotted);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
