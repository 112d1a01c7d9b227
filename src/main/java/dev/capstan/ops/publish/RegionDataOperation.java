package dev.capstan.ops.publish;

import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import java.util.List;

/** A region-data operation as {@link RegionData} composes it: its steps are fixed by its parameters. */
final class RegionDataOperation implements Operation {
    private final String type;
    private final String title;
    private final Environment environment;
    private final Record request;
    private final List<Step> steps;
    private final List<String> warnings;

    RegionDataOperation(String type, String title, Environment environment, Record request, List<Step> steps,
                        List<String> warnings) {
        this.type = type;
        this.title = title;
        this.environment = environment;
        this.request = request;
        this.steps = List.copyOf(steps);
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Record request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        return steps;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
