package dev.capstan.ui.environments;

import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The workspace's environments and, for the chosen one, each field checked against AWS and its database. */
public final class EnvironmentsModel {
    /** A field of the environment, before it is checked (status null) or with its check's outcome. */
    public record FieldRow(String field, String value, CheckResult.Status status, String detail) {
    }

    private final EnvironmentCheck check;
    private final ObservableList<Environment> environments;
    private final ObjectProperty<Environment> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final LatestRead checks;

    public EnvironmentsModel(EnvironmentCheck check, BackgroundWork work, ObservableList<Environment> environments) {
        this.check = check;
        this.environments = environments;
        this.checks = new LatestRead(work, selected);
        selected.addListener((obs, old, env) -> show(env));
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public ObjectProperty<Environment> selectedProperty() {
        return selected;
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    private void show(Environment env) {
        checks.drop();
        fields.setAll(env == null ? List.of() : configured(env));
        summary.set(env == null ? "" : "Not checked yet");
    }

    /** Checks the selected environment; only the latest check's answer is shown. */
    public void checkSelected() {
        Environment env = selected.get();
        if (env == null) {
            return;
        }
        summary.set("Checking " + env.name() + " against AWS and its database…");
        checks.read("Checking environment " + env.name(), () -> check.run(env), results -> {
            fields.setAll(results.stream().map(r -> new FieldRow(r.field(), r.value(), r.status(), r.detail())).toList());
            long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count();
            summary.set(failed == 0 ? "Every field checked out" : failed + " field" + (failed == 1 ? "" : "s") + " failed");
        }, error -> summary.set("The check itself failed: " + error.getMessage()));
    }

    private static List<FieldRow> configured(Environment e) {
        List<FieldRow> rows = new ArrayList<>();
        rows.add(new FieldRow("profile", e.profile(), null, ""));
        rows.add(new FieldRow("region", e.region() + (e.endpoint() == null ? "" : " at " + e.endpoint()), null, ""));
        rows.add(new FieldRow("cluster", e.cluster(), null, ""));
        rows.add(new FieldRow("service", orDash(e.service()), null, ""));
        rows.add(new FieldRow("container", orDash(e.container()), null, ""));
        rows.add(new FieldRow("network", e.network() == null ? "—" : e.network().subnets() + " " + e.network().securityGroups()
                + (e.network().assignPublicIp() ? " public IP" : " no public IP"), null, ""));
        rows.add(new FieldRow("logGroup", orDash(e.logGroup()), null, ""));
        rows.add(new FieldRow("autoScalingGroup", orDash(e.autoScalingGroup()), null, ""));
        rows.add(new FieldRow("loadBalancer", e.loadBalancer() == null ? "—" : e.loadBalancer().listenerArn(), null, ""));
        rows.add(new FieldRow("regionData.bucket", e.regionData() == null ? "—" : e.regionData().bucket(), null, ""));
        rows.add(new FieldRow("database", e.database() == null ? "—" : e.database().user() + " @ " + e.database().url(), null, ""));
        rows.add(new FieldRow("lockTable", orDash(e.lockTable()), null, ""));
        rows.add(new FieldRow("historyTable", orDash(e.historyTable()), null, ""));
        return rows;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
