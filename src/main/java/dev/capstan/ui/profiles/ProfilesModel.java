package dev.capstan.ui.profiles;

import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ui.common.BackgroundWork;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The profiles of the AWS files and, for each, the outcome of its last connection test. */
public final class ProfilesModel {
    /** One profile and what its last test said. */
    public static final class Row {
        public enum State { UNTESTED, TESTING, CONNECTED, FAILED }

        private final AwsProfile profile;
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.UNTESTED);
        private final StringProperty result = new SimpleStringProperty("");

        Row(AwsProfile profile) {
            this.profile = profile;
        }

        public AwsProfile profile() {
            return profile;
        }

        public ObjectProperty<State> stateProperty() {
            return state;
        }

        public StringProperty resultProperty() {
            return result;
        }
    }

    private final ProfileCatalog catalog;
    private final IdentityGateway identity;
    private final BackgroundWork work;
    private final Supplier<Environment> currentEnvironment;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public ProfilesModel(ProfileCatalog catalog, IdentityGateway identity, BackgroundWork work, Supplier<Environment> currentEnvironment) {
        this.catalog = catalog;
        this.identity = identity;
        this.work = work;
        this.currentEnvironment = currentEnvironment;
        reload();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public String sources() {
        return "Read from " + catalog.configFile() + " and " + catalog.credentialsFile();
    }

    /** Reads the AWS files again (after `aws configure` or `aws sso login`). */
    public void reload() {
        work.run("Reading AWS profiles", () -> {
            catalog.reload();
            return catalog.profiles();
        }).onSuccess(profiles -> rows.setAll(profiles.stream().map(Row::new).toList())).start();
    }

    /**
     * Calls STS GetCallerIdentity with the profile. A profile without a region borrows the chosen
     * environment's, if that environment uses this profile; otherwise the person is told what to add.
     */
    public void test(Row row) {
        AwsProfile profile = row.profile();
        Environment env = currentEnvironment.get();
        boolean envUsesProfile = env != null && env.profile().equals(profile.name());
        String region = profile.region() != null ? profile.region() : envUsesProfile ? env.region() : null;
        if (region == null) {
            row.stateProperty().set(Row.State.FAILED);
            row.resultProperty().set("Profile " + profile.name() + " has no region: add `region = us-east-1` (or yours) to [profile "
                    + profile.name() + "] in " + catalog.configFile() + ", or choose an environment that uses it.");
            return;
        }
        String endpoint = envUsesProfile && env.endpoint() != null ? env.endpoint() : profile.endpointUrl();
        AwsTarget target = new AwsTarget(profile.name(), region, endpoint);
        row.stateProperty().set(Row.State.TESTING);
        row.resultProperty().set("asking STS…");
        work.run("Testing profile " + profile.name(), () -> identity.callerIdentity(target))
                .onSuccess(who -> {
                    row.stateProperty().set(Row.State.CONNECTED);
                    row.resultProperty().set(who.arn() + "  (account " + who.account() + ")");
                })
                .onFailure(error -> {
                    row.stateProperty().set(Row.State.FAILED);
                    row.resultProperty().set(error.getMessage());
                })
                .start();
    }
}
