package dev.capstan.ops;

import dev.capstan.domain.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every operation type the engine can rebuild from a journal. */
public final class OperationCatalog {
    private final Map<String, OperationFactory> factories = new LinkedHashMap<>();

    public OperationCatalog(List<OperationFactory> factories) {
        factories.forEach(factory -> this.factories.put(factory.type(), factory));
    }

    public Operation rebuild(String type, Environment environment, Map<String, String> parameters) {
        OperationFactory factory = factories.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("This version of Capstan does not know operations of type " + type
                    + "; it knows " + String.join(", ", factories.keySet()) + ".");
        }
        return factory.create(environment, parameters);
    }
}
