package dev.capstan.ui.runs;

import dev.capstan.domain.CommandSyntax;
import dev.capstan.domain.CommandWords;
import dev.capstan.domain.Durations;
import dev.capstan.domain.EnvironmentOverrides;
import dev.capstan.ops.task.TaskRunDefaults;
import dev.capstan.ops.task.TaskRunRequest;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The one-off task form's state without its nodes: what the person typed and chose, the command as it will be
 * sent (or what is wrong with it) as they type, and the request record the form asks for. The view binds its
 * controls to these properties; a test drives them without starting JavaFX.
 */
public final class TaskRunFormModel {
    // Properties: what the person typed or chose
    private final StringProperty taskDefinition = new SimpleStringProperty(this, "taskDefinition");
    private final StringProperty container = new SimpleStringProperty(this, "container");
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final ObjectProperty<CommandSyntax> syntax = new SimpleObjectProperty<>(this, "syntax", CommandSyntax.AUTO);
    private final StringProperty environmentOverrides = new SimpleStringProperty(this, "environmentOverrides", "");
    private final StringProperty subnets = new SimpleStringProperty(this, "subnets", "");
    private final StringProperty securityGroups = new SimpleStringProperty(this, "securityGroups", "");
    private final BooleanProperty publicIp = new SimpleBooleanProperty(this, "publicIp");
    private final BooleanProperty waitForExit = new SimpleBooleanProperty(this, "waitForExit", true);
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout");
    // Derived as the person types
    private final StringProperty commandPreview = new SimpleStringProperty(this, "commandPreview", "");
    private final BooleanProperty commandValid = new SimpleBooleanProperty(this, "commandValid");

    /** @param defaultTimeout the one-off task's declared default wait, as typed ("60m") */
    public TaskRunFormModel(String defaultTimeout) {
        timeout.set(defaultTimeout);
        command.addListener((obs, old, text) -> preview());
        syntax.addListener((obs, old, s) -> preview());
        preview();
    }

    /** The network fields start from the service's (or the workspace's) network; the person may change them. */
    public void fillNetwork(TaskRunDefaults defaults) {
        subnets.set(String.join(", ", defaults.subnets()));
        securityGroups.set(String.join(", ", defaults.securityGroups()));
        publicIp.set(defaults.assignPublicIp());
    }

    /** The array as it will be sent and how the text was read, or what is wrong with it; the form plans only a valid one. */
    private void preview() {
        String text = command.get() == null ? "" : command.get();
        try {
            List<String> words = CommandWords.split(text, syntax.get());
            CommandSyntax read = CommandWords.resolve(text, syntax.get());
            commandPreview.set(TaskRunRequest.commandJson(words) + "   (" + (read == CommandSyntax.COMMA ? "read as comma-separated" : "read as shell words") + ")");
            commandValid.set(true);
        } catch (IllegalArgumentException e) {
            commandPreview.set(e.getMessage());
            commandValid.set(false);
        }
    }

    /**
     * The request the form asks for.
     *
     * @param service the service the defaults came from, or null
     * @throws IllegalArgumentException with what to fix, when a field is wrong
     */
    public TaskRunRequest request(String service) {
        return new TaskRunRequest(service, taskDefinition.get() == null ? "" : taskDefinition.get().trim(), container.get(),
                CommandWords.split(command.get(), syntax.get()), EnvironmentOverrides.parse(environmentOverrides.get()), ids(subnets.get()),
                ids(securityGroups.get()), publicIp.get(), waitForExit.get(), Durations.parse(timeout.get()));
    }

    private static List<String> ids(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public StringProperty taskDefinitionProperty() {
        return taskDefinition;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public StringProperty commandProperty() {
        return command;
    }

    public ObjectProperty<CommandSyntax> syntaxProperty() {
        return syntax;
    }

    public StringProperty environmentOverridesProperty() {
        return environmentOverrides;
    }

    public StringProperty subnetsProperty() {
        return subnets;
    }

    public StringProperty securityGroupsProperty() {
        return securityGroups;
    }

    public BooleanProperty publicIpProperty() {
        return publicIp;
    }

    public BooleanProperty waitForExitProperty() {
        return waitForExit;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public StringProperty commandPreviewProperty() {
        return commandPreview;
    }

    public BooleanProperty commandValidProperty() {
        return commandValid;
    }
}
