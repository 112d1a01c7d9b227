package dev.capstan.ui.deploys;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.domain.ServiceRollout;
import dev.capstan.domain.TaskDefinitionNames;
import dev.capstan.ops.RunOutcome;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunSummary;
import dev.capstan.ops.StepRecord;
import dev.capstan.ops.bluegreen.Colour;
import dev.capstan.ops.metrics.GraphPicture;
import dev.capstan.ops.rolling.Rolling;
import dev.capstan.ui.common.Columns;
import dev.capstan.ui.metrics.GraphsModel;
import dev.capstan.ui.metrics.GraphsView;
import dev.capstan.ui.runs.RunLauncher;
import dev.capstan.ui.shell.AppView;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Deploys on one screen, fitted to the service's deployment controller. For the ECS controller: the revision and image it
 * runs, the revisions its tasks run while a rollout is under way, each task's target health, ECS's events and the deploy
 * history; Roll back to the last known good revision, and Stop and roll back while a deploy runs. For task sets (EXTERNAL):
 * which colour serves and what runs behind each; Roll back in one click when the old set still serves behind the idle
 * colour, or a re-deploy of the last good image when it does not. For both: a deploy of an image tag, the latest deploy's
 * steps with Resume and Start over after a failure, and the service's live log.
 */
public final class DeploysView implements AppView {
    private final GraphsModel graphs;
    private final DeploysModel model;
    private final RunLauncher launcher;
    private final VBox root = new VBox(10);
    private final ColourCard blue = new ColourCard(Colour.BLUE);
    private final ColourCard green = new ColourCard(Colour.GREEN);
    private final RollingPanel rollingPanel = new RollingPanel();
    private final CodeDeployPanel codeDeployPanel = new CodeDeployPanel();
    private final TextField image = new TextField();
    private final CheckBox raiseGroup = new CheckBox();
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ListView<String> steps = new ListView<>();
    private static final int STATUS_ERROR = 320;

    public DeploysView(DeploysModel model, GraphsModel graphs, RunLauncher launcher) {
        this.graphs = graphs;
        graphs.runProperty().bind(model.runProperty());
        graphs.spanProperty().set(GraphsModel.Span.SINCE_RUN);
        this.model = model;
        this.launcher = launcher;
        build();
        model.pictureProperty().addListener((obs, old, picture) -> {
            if (picture != null) {
                blue.show(picture);
                green.show(picture);
            }
        });
        model.rolloutProperty().addListener((obs, old, rollout) -> {
            if (rollout != null) {
                rollingPanel.show(rollout);
            }
        });
        model.codeDeployProperty().addListener((obs, old, deployments) -> {
            if (deployments != null) {
                codeDeployPanel.show(deployments);
            }
        });
        model.runProperty().addListener((obs, old, run) -> showSteps(run));
    }

    @Override
    public String title() {
        return "Deploys";
    }

    @Override
    public Ikon icon() {
        return Feather.GIT_MERGE;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.setActive(true);
        graphs.setActive(true);
    }

    @Override
    public void hidden() {
        model.setActive(false);
        graphs.setActive(false);
    }

    @Override
    public void refresh() {
        model.refresh();
        graphs.refresh();
    }

    private void build() {
        root.setId("deploys-view");
        root.setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.environmentProperty().get() == null ? "Deploys"
                : heading(model.controllerProperty().get()) + model.environmentProperty().get().name(), model.environmentProperty(), model.controllerProperty()));
        HBox cards = new HBox(12, blue, green);
        cards.visibleProperty().bind(model.pictureProperty().isNotNull());
        cards.managedProperty().bind(cards.visibleProperty());
        rollingPanel.visibleProperty().bind(model.rolloutProperty().isNotNull());
        rollingPanel.managedProperty().bind(rollingPanel.visibleProperty());
        codeDeployPanel.visibleProperty().bind(model.codeDeployProperty().isNotNull());
        codeDeployPanel.managedProperty().bind(codeDeployPanel.visibleProperty());
        root.getChildren().addAll(title, Columns.errorLine(model.errorProperty(), "deploys-error"), cards, rollingPanel, codeDeployPanel, actions(),
                Columns.messageLine(problem, "deploys-problem", Styles.DANGER, Feather.ALERT_CIRCLE), runLine());
        steps.setId("deploy-steps");
        steps.setPlaceholder(new Label("No deploy of this environment yet."));
        ListView<String> log = new ListView<>(model.logLines());
        log.setId("deploy-log");
        log.setStyle("-fx-font-family: monospace;");
        log.getStyleClass().add(Styles.DENSE);
        model.logLines().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1);
            }
        });
        SplitPane stepsAndLog = new SplitPane(steps, log);
        stepsAndLog.setOrientation(Orientation.VERTICAL);
        stepsAndLog.setDividerPositions(0.5);
        // The graphs beside the deploy: what it does to the service's load, hosts and errors, marked with its steps.
        SplitPane split = new SplitPane(stepsAndLog, new GraphsView(graphs, "deploy-graphs", GraphPicture.Chart.HOSTS, GraphPicture.Chart.ERRORS).node());
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().add(split);
    }

    private Node actions() {
        image.setId("deploy-image");
        image.setPromptText("image tag, such as a476b78");
        image.setPrefColumnCount(18);
        Button deploy = new Button("Deploy…", new FontIcon(Feather.UPLOAD_CLOUD));
        deploy.setId("deploy-start");
        deploy.getStyleClass().add(Styles.ACCENT);
        deploy.disableProperty().bind(image.textProperty().isEmpty().or(model.pictureProperty().isNull().and(model.rolloutProperty().isNull())
                .and(model.codeDeployProperty().isNull())));
        deploy.setOnAction(e -> deploy(image.getText(), false));
        Button rollback = new Button("Roll back…", new FontIcon(Feather.ROTATE_CCW));
        rollback.setId("rollback");
        rollback.getStyleClass().add(Styles.DANGER);
        rollback.disableProperty().bind(Bindings.createBooleanBinding(() -> !canRollBack(), model.pictureProperty(), model.rolloutProperty(),
                model.codeDeployProperty()));
        rollback.textProperty().bind(Bindings.createStringBinding(() -> lastKnownGood().map(r -> "Roll back to "
                + TaskDefinitionNames.familyRevision(r) + "…").orElse("Roll back…"), model.rolloutProperty(), model.codeDeployProperty()));
        rollback.setOnAction(e -> {
            Environment env = model.environmentProperty().get();
            problem.set("");
            launcher.launch("roll back " + env.name(), () -> model.deploys().rollback(env, null, model.timeout()), () -> { }, problem::set);
        });
        Button stopAndRollBack = new Button("Stop and roll back…", new FontIcon(Feather.OCTAGON));
        stopAndRollBack.setId("stop-and-rollback");
        stopAndRollBack.getStyleClass().add(Styles.DANGER);
        stopAndRollBack.visibleProperty().bind(Bindings.createBooleanBinding(this::canStop, model.runProperty(), model.codeDeployProperty(),
                model.rolloutProperty()));
        stopAndRollBack.managedProperty().bind(stopAndRollBack.visibleProperty());
        stopAndRollBack.setOnAction(e -> stopAndRollBack());
        Button approve = new Button("Reroute traffic…", new FontIcon(Feather.CHECK_CIRCLE));
        approve.setId("deploy-approve");
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.codeDeployProperty().get() != null
                && model.codeDeployProperty().get().current() != null && model.codeDeployProperty().get().current().waitingForApproval(),
                model.codeDeployProperty()));
        approve.managedProperty().bind(approve.visibleProperty());
        approve.setOnAction(e -> {
            Environment env = model.environmentProperty().get();
            problem.set("");
            launcher.launch("reroute traffic on " + env.name(), () -> model.deploys().approve(env, model.timeout()), this::endWatchingRun, problem::set);
        });
        Button redeploy = new Button();
        redeploy.setId("redeploy");
        redeploy.setGraphic(new FontIcon(Feather.REFRESH_CW));
        redeploy.textProperty().bind(Bindings.createStringBinding(() -> model.redeployProperty().get() == null ? ""
                : "Re-deploy " + tag(model.redeployProperty().get().image()) + "…", model.redeployProperty()));
        redeploy.visibleProperty().bind(model.redeployProperty().isNotNull());
        redeploy.managedProperty().bind(redeploy.visibleProperty());
        redeploy.setOnAction(e -> deploy(model.redeployProperty().get().image(), false));
        for (Region keep : new Region[] {deploy, rollback, approve, stopAndRollBack, redeploy}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        raiseGroup.setId("deploy-raise-group");
        raiseGroup.textProperty().bind(Bindings.createStringBinding(() -> model.environmentProperty().get() == null ? ""
                : "Raise " + model.environmentProperty().get().autoScalingGroup() + " first", model.environmentProperty()));
        raiseGroup.setTooltip(new Tooltip(Rolling.RAISE_GROUP_HELP));
        raiseGroup.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.rolloutProperty().get() != null
                && "EC2".equals(model.rolloutProperty().get().rollout().launchType()) && model.environmentProperty().get() != null
                && model.environmentProperty().get().autoScalingGroup() != null, model.rolloutProperty(), model.environmentProperty()));
        raiseGroup.managedProperty().bind(raiseGroup.visibleProperty());
        raiseGroup.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, new Label("Image"), image, deploy, raiseGroup, new Region(), approve, stopAndRollBack, rollback, redeploy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A deploy; after a failed one the launcher's runner refuses until it is resumed or started over, so start over abandons it first. */
    private void deploy(String tag, boolean startOver) {
        Environment env = model.environmentProperty().get();
        RunRecord last = model.runProperty().get();
        problem.set("");
        boolean raise = raiseGroup.isVisible() && raiseGroup.isSelected();
        launcher.launch("deploy " + tag + " to " + env.name(), () -> model.deploys().deploy(env, tag, model.timeout(), raise), () -> {
            if (startOver && last != null && last.outcome().unfinished()) {
                launcher.runner().abandon(last.id(), env, "started over from the Deploys view");
            }
        }, problem::set);
    }

    private Node runLine() {
        Label status = new Label();
        status.setId("deploy-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.textProperty().bind(Bindings.createStringBinding(() -> describe(model.runProperty().get()), model.runProperty()));
        Button resume = new Button("Resume", new FontIcon(Feather.PLAY));
        resume.setId("deploy-resume");
        Button startOver = new Button("Start over with the image above", new FontIcon(Feather.SKIP_BACK));
        startOver.setId("deploy-start-over");
        for (Button b : new Button[] {resume, startOver}) {
            b.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.runProperty().get() != null
                    && model.runProperty().get().outcome().unfinished(), model.runProperty()));
            b.managedProperty().bind(b.visibleProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        startOver.disableProperty().bind(image.textProperty().isEmpty());
        resume.setOnAction(e -> launcher.resume(model.runProperty().get(), model.environmentProperty().get()));
        startOver.setOnAction(e -> deploy(image.getText(), true));
        HBox line = new HBox(8, status, resume, startOver);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static String describe(RunRecord run) {
        if (run == null) {
            return "";
        }
        long done = run.steps().stream().filter(s -> s.state() == StepRecord.State.DONE).count();
        String head = run.title() + ": " + run.outcome().name().toLowerCase(Locale.ROOT) + ", " + done + " of " + run.steps().size()
                + " steps done";
        if (run.outcome() == RunOutcome.SUCCEEDED || run.error() == null) {
            return head;
        }
        // The whole error is in the failed step below; the line keeps to what fits beside the buttons.
        String error = run.error().length() > STATUS_ERROR ? run.error().substring(0, STATUS_ERROR - 1) + "…" : run.error();
        return head + ". " + error;
    }

    private void showSteps(RunRecord run) {
        if (run == null) {
            steps.getItems().clear();
            return;
        }
        steps.getItems().setAll(run.steps().stream().map(s -> switch (s.state()) {
            case DONE -> "✓ " + s.planned().number() + ". " + s.planned().sentence() + "\n    " + s.summary();
            case FAILED -> "✗ " + s.planned().number() + ". " + s.planned().sentence() + "\n    " + s.error();
            case RUNNING -> "▶ " + s.planned().number() + ". " + s.planned().sentence() + (s.log().isEmpty() ? "" : "\n    " + s.log().get(s.log().size() - 1));
            case PENDING -> "○ " + s.planned().number() + ". " + s.planned().sentence();
        }).toList());
    }

    private boolean canRollBack() {
        return model.pictureProperty().get() != null && model.pictureProperty().get().idleSide().serving() || lastKnownGood().isPresent();
    }

    private java.util.Optional<String> lastKnownGood() {
        if (model.codeDeployProperty().get() != null) {
            return model.codeDeployProperty().get().lastKnownGood();
        }
        return model.rolloutProperty().get() == null ? java.util.Optional.empty() : model.rolloutProperty().get().lastKnownGood();
    }

    /** A deploy of this console running now, which a stop or an approval ends first: it holds the deploy lock while it watches. */
    private java.util.Optional<RunSummary> runningHere() {
        RunRecord run = model.runProperty().get();
        return run != null && run.outcome() == RunOutcome.RUNNING ? java.util.Optional.of(RunSummary.of(run)) : java.util.Optional.empty();
    }

    /** Something to stop: a rolling deploy running here, a CodeDeploy deployment in progress, or ECS's own blue/green, linear or canary. */
    private boolean canStop() {
        boolean rollingHere = runningHere().filter(Rolling::stoppable).isPresent();
        boolean codeDeploying = model.codeDeployProperty().get() != null && model.codeDeployProperty().get().current() != null
                && model.codeDeployProperty().get().current().active();
        boolean ecsDeploying = model.rolloutProperty().get() != null && model.rolloutProperty().get().serviceDeployment()
                .filter(d -> d.inProgress()).isPresent();
        return rollingHere || codeDeploying || ecsDeploying;
    }

    private void stopAndRollBack() {
        Environment env = model.environmentProperty().get();
        java.util.Optional<RunSummary> rollingHere = runningHere().filter(Rolling::stoppable);
        problem.set("");
        launcher.launch("stop and roll back " + env.name(), () -> rollingHere.isPresent()
                ? model.rolling().stopAndRollBack(env, rollingHere.get(), model.timeout()) : model.deploys().stop(env, model.timeout()),
                this::endWatchingRun, problem::set);
    }

    /** Ends this console's deploy run that is watching, so the approval or the stop can take the deploy lock. */
    private void endWatchingRun() {
        runningHere().ifPresent(run -> {
            try {
                launcher.stop(run.id());
            } catch (Exception failure) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
        });
    }

    private static String heading(String controller) {
        if (controller == null) {
            return "Deploys: ";
        }
        return switch (controller) {
            case ServiceRollout.EXTERNAL -> "Blue/green: ";
            case ServiceRollout.ECS -> "Rolling deploys: ";
            default -> "CodeDeploy: ";
        };
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }
}
