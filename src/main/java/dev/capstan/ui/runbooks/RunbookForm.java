package dev.capstan.ui.runbooks;

import dev.capstan.domain.Environment;
import dev.capstan.domain.Runbook;
import dev.capstan.ops.Operation;
import dev.capstan.ops.runbook.RunbookCatalog;
import dev.capstan.ops.runbook.RunbookFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A runbook's parameter form without its nodes: one value per parameter, its default filled in; {@link #start}
 * checks them against the runbook (a required one missing is said before anything is planned) and gives the
 * run the launcher plans. A test drives it without starting JavaFX.
 */
public final class RunbookForm {
    private final RunbookFactory runbooks;
    private final RunbookCatalog.Entry entry;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();

    public RunbookForm(RunbookFactory runbooks, RunbookCatalog.Entry entry) {
        this.runbooks = runbooks;
        this.entry = entry;
        for (Runbook.Parameter p : entry.runbook().parameters()) {
            values.put(p.name(), new SimpleStringProperty(this, p.name(), p.defaultValue() == null ? "" : p.defaultValue()));
        }
    }

    /** The value typed for a parameter of the runbook. */
    public StringProperty value(String parameter) {
        StringProperty value = values.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("Runbook " + entry.runbook().name() + " has no parameter " + parameter);
        }
        return value;
    }

    /**
     * The runbook run the form asks for.
     *
     * @throws IllegalArgumentException with what to fix (a required parameter left empty); nothing is planned then
     */
    public Callable<Operation> start(Environment environment) {
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value.get() != null && !value.get().isBlank()) {
                given.put(name, value.get().strip());
            }
        });
        entry.runbook().resolve(given);
        return () -> runbooks.run(entry, environment, given);
    }
}
