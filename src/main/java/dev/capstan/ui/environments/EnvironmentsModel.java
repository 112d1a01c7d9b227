package dev.capstan.ui.environments;

import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import dev.capstan.ops.envcheck.EnvironmentCheck;
import dev.capstan.ui.common.BackgroundWork;
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
    private final BackgroundWork work;
    private final ObservableList<Environment> environments;
    private final ObjectProperty<Environment> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private long generation;

    public EnvironmentsModel(EnvironmentCheck check, BackgroundWork work, ObservableList<Environment> environments) {
        this.check = check;
        this.work = work;
        this.environments = environments;
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
        generation++;
        fields.setAll(env == null ? List.of() : configured(env));
        summary.set(env == null ? "" : "Not checked yet");
    }

    /** Checks the selected environment; only the latest check's answer is shown. */
    public void checkSelected() {
        Environment env = selected.get();
        if (env == null) {
            return;
        }
        long mine = ++generation;
        summary.set("Checking " + env.name() + " against AWS and its database…");
        work.run("Checking environment " + env.name(), () -> check.run(env))
                .onSuccess(results -> {
                    if (mine == generation) {
                        fields.setAll(results.stream().map(r -> new FieldRow(r.field(), r.value(), r.status(), r.detail())).toList());
                        long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count();
                        summary.set(failed == 0 ? "Every field checked out" : failed + " field" + (failed == 1 ? "" : "s") + " failed");
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        summary.set("The check itself failed: " + error.getMessage());
                    }
                })
                .start();
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
        return rows;
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }
}
