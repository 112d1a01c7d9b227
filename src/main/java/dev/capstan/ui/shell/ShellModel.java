package dev.capstan.ui.shell;

import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.config.SettingsStore;
import dev.capstan.config.UserSettings;
import dev.capstan.config.WorkspaceException;
import dev.capstan.config.WorkspaceLoader;
import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.Workspace;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state the whole window shares: the open workspace, the chosen environment, who we are in it,
 * and a message line for what went wrong. No nodes, so it tests without a screen.
 */
public final class ShellModel {
    public enum Theme { LIGHT, DARK }

    private final WorkspaceLoader loader;
    private final IdentityGateway identity;
    private final ProfileCatalog profiles;
    private final SettingsStore settingsStore;
    private final BackgroundWork work;
    private final LatestRead identityReads;
    private UserSettings settings;

    // Properties
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment");
    private final StringProperty identityText = new SimpleStringProperty(this, "identity", "no environment chosen");
    private final StringProperty regionText = new SimpleStringProperty(this, "region", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObservableList<String> recentWorkspaces = FXCollections.observableArrayList();

    public ShellModel(WorkspaceLoader loader, IdentityGateway identity, ProfileCatalog profiles, SettingsStore settingsStore,
                      BackgroundWork work) {
        this.loader = loader;
        this.identity = identity;
        this.profiles = profiles;
        this.settingsStore = settingsStore;
        this.work = work;
        this.identityReads = new LatestRead(work, environment);
        this.settings = settingsStore.load();
        theme.set("dark".equals(settings.theme()) ? Theme.DARK : Theme.LIGHT);
        recentWorkspaces.setAll(settings.recentWorkspaces());
        theme.addListener((obs, old, now) -> save(settings.withTheme(now == Theme.DARK ? "dark" : "light")));
        environment.addListener((obs, old, now) -> environmentChosen(now));
    }

    // Commands

    /** Loads a workspace in the background; on success its environments replace the current ones. */
    public void openWorkspace(Path file) {
        work.run("Opening " + file.getFileName(), () -> loader.load(file))
                .onSuccess(this::workspaceLoaded)
                .onFailure(error -> message.set(error instanceof WorkspaceException ? error.getMessage()
                        : "Could not open " + file + ": " + error.getMessage()))
                .start();
    }

    private void workspaceLoaded(Workspace loaded) {
        // Cleared first, so what listeners of the new workspace have to say is not wiped out.
        message.set("");
        workspace.set(loaded);
        environments.setAll(loaded.environments());
        save(settings.withRecentWorkspace(loaded.source().toString()));
        recentWorkspaces.setAll(settings.recentWorkspaces());
        Environment remembered = loaded.environment(String.valueOf(settings.lastEnvironment())).orElse(loaded.environments().get(0));
        environment.set(remembered);
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /** Asks STS again who the chosen environment's profile is. */
    public void refreshIdentity() {
        environmentChosen(environment.get());
    }

    private void environmentChosen(Environment chosen) {
        identityReads.drop();
        if (chosen == null) {
            identityText.set("no environment chosen");
            regionText.set("");
            return;
        }
        save(settings.withLastEnvironment(chosen.name()));
        regionText.set(chosen.region());
        AwsProfile profile = profiles.profile(chosen.profile()).orElse(null);
        if (profile == null) {
            identityText.set("profile " + chosen.profile() + " not found");
            return;
        }
        identityText.set("asking STS who " + chosen.profile() + " is…");
        AwsTarget target = AwsTarget.of(chosen, profile);
        identityReads.read("Asking STS who " + chosen.profile() + " is", () -> identity.callerIdentity(target),
                who -> identityText.set(who.arn()), error -> identityText.set("not signed in: " + error.getMessage()));
    }

    private void save(UserSettings updated) {
        settings = updated;
        settingsStore.save(updated);
    }

    public UserSettings settings() {
        return settings;
    }

    public void rememberWindow(UserSettings.WindowBounds bounds) {
        save(settings.withWindow(bounds));
    }

    // Property accessors

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty identityProperty() {
        return identityText;
    }

    public StringProperty regionProperty() {
        return regionText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<String> recentWorkspaces() {
        return recentWorkspaces;
    }
}
