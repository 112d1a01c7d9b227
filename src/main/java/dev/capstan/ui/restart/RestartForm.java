package dev.capstan.ui.restart;

import dev.capstan.domain.Durations;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.restart.RestartDefaults;
import dev.capstan.ops.restart.RestartFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The restart form without its nodes: the count side by side, the health log line, the wait and whether the
 * group goes back, filled from the live service's defaults; {@link #restart} reads it into the operation the
 * launcher plans, or says what is wrong. A test drives it without starting JavaFX.
 */
public final class RestartForm {
    private final RestartFactory restarts;
    // Properties
    private final StringProperty count = new SimpleStringProperty(this, "count", "");
    private final StringProperty healthLogPattern = new SimpleStringProperty(this, "healthLogPattern", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout");
    private final BooleanProperty restoreGroup = new SimpleBooleanProperty(this, "restoreGroup", true);
    private final BooleanProperty hasGroup = new SimpleBooleanProperty(this, "hasGroup");
    private final StringProperty restoreGroupText = new SimpleStringProperty(this, "restoreGroupText", "");

    public RestartForm(RestartFactory restarts) {
        this.restarts = restarts;
        timeout.set(restarts.declaration().defaultOf("timeout"));
    }

    /** The live service's suggestion: twice today's count (as many as the group holds), and the group to put back. */
    public void fill(RestartDefaults defaults) {
        if (defaults == null) {
            return;
        }
        count.set(Integer.toString(defaults.suggestedCount()));
        hasGroup.set(defaults.group().isPresent());
        restoreGroupText.set(defaults.group().map(g -> "Put " + g.name() + " back to " + g.desiredCapacity() + " instances afterwards").orElse(""));
    }

    /**
     * The restart the form asks for, built (reading the live service) when the launcher calls it.
     *
     * @throws IllegalArgumentException with what to fix, when a field is wrong; nothing is read or planned then
     */
    public Callable<Operation> restart(Environment environment) {
        Integer tasks;
        String typed = count.get() == null ? "" : count.get().trim();
        try {
            tasks = typed.isEmpty() ? null : Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a number of tasks; type a whole number such as 4.");
        }
        Duration wait = Durations.parse(timeout.get());
        String pattern = healthLogPattern.get();
        boolean restore = restoreGroup.get();
        return () -> restarts.restart(environment, tasks, pattern, wait, restore);
    }

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty healthLogPatternProperty() {
        return healthLogPattern;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public BooleanProperty restoreGroupProperty() {
        return restoreGroup;
    }

    public BooleanProperty hasGroupProperty() {
        return hasGroup;
    }

    public StringProperty restoreGroupTextProperty() {
        return restoreGroupText;
    }
}
