package dev.capstan.ui.branches;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Durations;
import dev.capstan.ops.branch.BranchEnvironment;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.shell.AppView;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The chosen environment's branch environments: who made each, its age and time left (an expired one is marked and offered for
 * destruction), where it is reached and how its tasks are; "New branch environment…" and "Destroy", each a planned, confirmed run.
 */
public final class BranchesView implements AppView {
    private final BranchesModel model;
    private final Runnable create;
    private final Runnable destroy;
    private final VBox root = new VBox(8);

    /**
     * @param create  opens the form for a new branch environment of the chosen environment
     * @param destroy plans the destruction of the selected branch environment
     */
    public BranchesView(BranchesModel model, Runnable create, Runnable destroy) {
        this.model = model;
        this.create = create;
        this.destroy = destroy;
        build();
    }

    @Override
    public String title() {
        // Short enough for the sidebar; the page's own title says it in full.
        return "Branches";
    }

    @Override
    public Ikon icon() {
        return Feather.GIT_BRANCH;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.setActive(true);
    }

    @Override
    public void hidden() {
        model.setActive(false);
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    private void build() {
        root.setId("branches-view");
        root.setPadding(new Insets(12));
        Label title = new Label("Branch environments");
        title.getStyleClass().add(Styles.TITLE_3);
        Button newBranch = new Button("New branch environment…", new FontIcon(Feather.PLUS));
        newBranch.setId("branch-new");
        newBranch.getStyleClass().add(Styles.ACCENT);
        newBranch.disableProperty().bind(model.environmentProperty().isNull());
        newBranch.setOnAction(e -> create.run());
        Button destroyButton = new Button("Destroy", new FontIcon(Feather.TRASH_2));
        destroyButton.setId("branch-destroy");
        destroyButton.getStyleClass().add(Styles.DANGER);
        destroyButton.disableProperty().bind(model.selectedProperty().isNull());
        destroyButton.setOnAction(e -> destroy.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, newBranch, destroyButton);
        header.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label();
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.textProperty().bind(Bindings.createStringBinding(() -> model.environmentProperty().get() == null ? ""
                : "Seeded copies of " + model.environmentProperty().get().service() + " on " + model.environmentProperty().get().name()
                + ", each with its own target group and listener rule. Destroy removes exactly what carries the branch's tag.",
                model.environmentProperty()));
        TableView<BranchEnvironment> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        Label expired = new Label();
        expired.setId("branches-expired");
        expired.getStyleClass().add(Styles.WARNING);
        expired.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant now = model.readAtProperty().get();
            long count = now == null ? 0 : model.branches().stream().filter(b -> b.expired(now)).count();
            return count == 0 ? "" : count + (count == 1 ? " has" : " have") + " outlived its time: select it and Destroy.";
        }, model.branches(), model.readAtProperty()));
        expired.managedProperty().bind(expired.textProperty().isNotEmpty());
        root.getChildren().addAll(header, about, Columns.errorLine(model.errorProperty(), "branches-error"), expired, table);
    }

    @SuppressWarnings("unchecked")
    private TableView<BranchEnvironment> table() {
        TableView<BranchEnvironment> table = new TableView<>(model.branches());
        table.setId("branches-table");
        table.setPlaceholder(new Label("No branch environments: New branch environment… makes one."));
        table.getColumns().addAll(
                Columns.text("Name", 130, BranchEnvironment::name),
                Columns.text("Owner", 150, b -> b.owner() == null ? "-" : b.owner()),
                Columns.text("Age", 70, b -> human(b.age(now()))),
                Columns.text("Time left", 95, b -> b.expired(now()) ? "EXPIRED" : human(b.timeLeft(now()))),
                Columns.text("URL", 300, b -> b.url() == null ? "-" : b.url()),
                Columns.text("Health", 300, BranchEnvironment::health));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((obs, old, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(BranchEnvironment b, boolean empty) {
                super.updateItem(b, empty);
                setStyle(!empty && b != null && b.expired(now()) ? "-fx-background-color: -color-warning-subtle;" : "");
            }
        });
        return table;
    }

    private Instant now() {
        Instant at = model.readAtProperty().get();
        return at == null ? Instant.now() : at;
    }

    private static String human(Duration d) {
        return d == null ? "-" : Durations.brief(d);
    }
}
