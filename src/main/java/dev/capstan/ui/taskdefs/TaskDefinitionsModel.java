package dev.capstan.ui.taskdefs;

import dev.capstan.aws.TaskDefinitionReader;
import dev.capstan.domain.Environment;
import dev.capstan.domain.TaskDefRevision;
import dev.capstan.ops.Targets;
import dev.capstan.ops.taskdefs.FargateReadiness;
import dev.capstan.ops.taskdefs.Finding;
import dev.capstan.ops.taskdefs.TaskDefDiff;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.LatestRead;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** Families → revisions of the current environment's account; one revision's details, readiness, and a diff with another. */
public final class TaskDefinitionsModel {
    private final TaskDefinitionReader reader;
    private final Targets targets;
    private final ObjectProperty<Environment> environment;
    private final ObservableList<String> families = FXCollections.observableArrayList();
    private final FilteredList<String> filteredFamilies = new FilteredList<>(families);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<String> family = new SimpleObjectProperty<>(this, "family");
    private final ObservableList<TaskDefRevision> revisions = FXCollections.observableArrayList();
    private final ObjectProperty<TaskDefRevision> revision = new SimpleObjectProperty<>(this, "revision");
    private final ObjectProperty<TaskDefRevision> compareWith = new SimpleObjectProperty<>(this, "compareWith");
    private final ObservableList<TaskDefDiff.Row> diff = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal");
    private final StringProperty familiesError = new SimpleStringProperty(this, "familiesError", "");
    private final StringProperty revisionsError = new SimpleStringProperty(this, "revisionsError", "");
    /** A revision asked for from another view, chosen once its family's revisions are read. */
    private int wantedRevision = -1;
    private final LatestRead familyReads;
    private final LatestRead revisionReads;

    public TaskDefinitionsModel(TaskDefinitionReader reader, Targets targets, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.reader = reader;
        this.targets = targets;
        this.environment = environment;
        this.familyReads = new LatestRead(work, environment);
        this.revisionReads = new LatestRead(work, environment, family);
        environment.addListener((obs, old, env) -> {
            familyReads.drop();
            wantedRevision = -1;
            families.clear();
            family.set(null);
            revisions.clear();
            revision.set(null);
            compareWith.set(null);
            familiesError.set("");
            revisionsError.set("");
        });
        filter.addListener((obs, old, text) -> filteredFamilies.setPredicate(f -> text == null || text.isBlank()
                || f.toLowerCase(Locale.ROOT).contains(text.trim().toLowerCase(Locale.ROOT))));
        family.addListener((obs, old, now) -> readRevisions());
        revision.addListener((obs, old, now) -> {
            findings.setAll(now == null ? java.util.List.of() : FargateReadiness.check(now));
            if (compareWith.get() == null || compareWith.get() == now) {
                compareWith.set(revisions.stream().filter(r -> r != now).findFirst().orElse(null));
            }
            updateDiff();
        });
        compareWith.addListener((obs, old, now) -> updateDiff());
    }

    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        familyReads.read("Listing task definition families", () -> reader.families(targets.of(env)), list -> {
            familiesError.set("");
            families.setAll(list);
            if (family.get() == null || !list.contains(family.get())) {
                family.set(list.stream().filter(f -> f.equals(env.service())).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
            } else {
                readRevisions();
            }
        }, error -> familiesError.set(error.getMessage()));
    }

    private void readRevisions() {
        Environment env = environment.get();
        String name = family.get();
        if (env == null || name == null) {
            revisionReads.drop();
            revisions.clear();
            return;
        }
        revisionReads.read("Reading the revisions of " + name, () -> reader.revisions(targets.of(env), name), list -> {
            revisionsError.set("");
            int chosen = wantedRevision > 0 ? wantedRevision : revision.get() == null ? -1 : revision.get().revision();
            wantedRevision = -1;
            revisions.setAll(list);
            revision.set(list.stream().filter(r -> r.revision() == chosen).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
            // A combo box clears its value when its items are replaced: choose the revision to compare with again.
            if (compareWith.get() == null || compareWith.get() == revision.get() || !list.contains(compareWith.get())) {
                compareWith.set(list.stream().filter(r -> r != revision.get()).findFirst().orElse(null));
            }
            updateDiff();
        }, error -> revisionsError.set(error.getMessage()));
    }

    /** Opens a revision by its ARN: the link from a service to the task definition it runs. */
    public void show(String taskDefinitionArn) {
        wantedRevision = dev.capstan.domain.TaskDefinitionNames.revision(taskDefinitionArn);
        String wantedFamily = dev.capstan.domain.TaskDefinitionNames.family(taskDefinitionArn);
        if (wantedFamily.equals(family.get())) {
            readRevisions();
        } else {
            family.set(wantedFamily);
        }
        if (families.isEmpty()) {
            refresh();
        }
    }

    private void updateDiff() {
        TaskDefRevision left = compareWith.get();
        TaskDefRevision right = revision.get();
        diff.setAll(left == null || right == null ? java.util.List.of() : TaskDefDiff.diff(left, right));
    }

    public FilteredList<String> families() {
        return filteredFamilies;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<String> familyProperty() {
        return family;
    }

    public ObservableList<TaskDefRevision> revisions() {
        return revisions;
    }

    public ObjectProperty<TaskDefRevision> revisionProperty() {
        return revision;
    }

    public ObjectProperty<TaskDefRevision> compareWithProperty() {
        return compareWith;
    }

    public ObservableList<TaskDefDiff.Row> diff() {
        return diff;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public BooleanProperty revealProperty() {
        return reveal;
    }

    public StringProperty familiesErrorProperty() {
        return familiesError;
    }

    public StringProperty revisionsErrorProperty() {
        return revisionsError;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }
}
