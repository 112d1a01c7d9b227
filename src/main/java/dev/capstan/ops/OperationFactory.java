package dev.capstan.ops;

import dev.capstan.domain.Environment;
import java.util.Map;

/** Builds an operation of one type from its journaled parameters, so an interrupted run can be resumed. */
public interface OperationFactory {
    String type();

    Operation create(Environment environment, Map<String, String> parameters);
}
