package dev.capstan.app;

import dev.capstan.ui.activity.ActivityModel;
import dev.capstan.ui.activity.ActivityView;
import dev.capstan.ui.clusters.ClustersModel;
import dev.capstan.ui.clusters.ClustersView;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.deploys.DeploysModel;
import dev.capstan.ui.deploys.DeploysView;
import dev.capstan.ui.environments.EnvironmentsModel;
import dev.capstan.ui.environments.EnvironmentsView;
import dev.capstan.ui.loadbalancers.LoadBalancersModel;
import dev.capstan.ui.loadbalancers.LoadBalancersView;
import dev.capstan.ui.logs.LogView;
import dev.capstan.ui.logs.LogViewModel;
import dev.capstan.ui.metrics.GraphsModel;
import dev.capstan.ui.profiles.ProfilesModel;
import dev.capstan.ui.profiles.ProfilesView;
import dev.capstan.ui.regions.RegionsModel;
import dev.capstan.ui.regions.RegionsView;
import dev.capstan.ui.restart.RestartModel;
import dev.capstan.ui.restart.RestartView;
import dev.capstan.ui.runbooks.ConsoleAttendant;
import dev.capstan.ui.runbooks.RunbooksModel;
import dev.capstan.ui.runbooks.RunbooksView;
import dev.capstan.ui.runs.PlanDialog;
import dev.capstan.ui.runs.RunLauncher;
import dev.capstan.ui.runs.ScaleForm;
import dev.capstan.ui.runs.TaskRunForm;
import dev.capstan.ui.shell.MainWindow;
import dev.capstan.ui.shell.ShellModel;
import dev.capstan.domain.Environment;
import dev.capstan.ui.branches.BranchForm;
import dev.capstan.ui.branches.BranchesModel;
import dev.capstan.ui.branches.BranchesView;
import dev.capstan.ui.taskdefs.ComposeImportForm;
import dev.capstan.ui.taskdefs.TaskDefinitionsModel;
import dev.capstan.ui.taskdefs.TaskDefinitionsView;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Builds the console's window from an {@link AppContext}: the models, the views in sidebar order, and the
 * shell around them. Not a JavaFX {@code Application}: the toolkit is started by {@link DesktopConsole},
 * so the context arrives by constructor rather than through a static field.
 */
public final class CapstanApp {
    private final AppContext context;
    private final BackgroundWork work;
    private final ShellModel shell;
    private MainWindow window;
    private ActivityView activityView;
    private ActivityModel activity;

    public CapstanApp(AppContext context) {
        this.context = context;
        this.work = new BackgroundWork(context.background(), Platform::runLater);
        this.shell = new ShellModel(context.workspaceLoader(), context.identity(), context.profiles(), context.settings(), work);
    }

    /** Shows the window on the given stage; call on the FX thread. */
    public MainWindow show(Stage stage, Path workspace) {
        ProfilesView profiles = new ProfilesView(new ProfilesModel(context.profiles(), context.identity(), work,
                shell.environmentProperty()::get));
        EnvironmentsModel environmentsModel = new EnvironmentsModel(context.environmentCheck(), work, shell.environments());
        EnvironmentsView environments = new EnvironmentsView(environmentsModel);
        shell.environmentProperty().addListener((obs, old, env) -> environments.select(env));
        LogViewModel logsModel = new LogViewModel(context.logs(), context.operations().runner().store(), context.background(),
                shell.environmentProperty());
        LogView logs = new LogView(logsModel);
        RunLauncher launcher = new RunLauncher(context.operations().runner(), work, () -> new PlanDialog(stage));
        activity = new ActivityModel(launcher, work, shell.environmentProperty(), context.history());
        Runnable scale = () -> ScaleForm.open(stage, shell.environmentProperty().get(), launcher, context.operations().scale());
        java.util.function.Consumer<String> runTask = service -> TaskRunForm.open(stage, shell.environmentProperty().get(), service, launcher,
                context.operations().tasks(), work, () -> window.show(activityView));
        activityView = new ActivityView(activity, shell::environments, scale, () -> runTask.accept(null),
                runId -> {
                    logsModel.open(LogViewModel.Kind.RUN, runId);
                    window.show(logs);
                });
        // A run interrupted by a crash is news on start: the top bar says so until it is resumed or abandoned.
        activity.interruptedRunsProperty().addListener((obs, old, runs) -> announceInterruptedRuns());
        shell.workspaceProperty().addListener((obs, old, loaded) -> announceInterruptedRuns());
        TaskDefinitionsModel taskDefinitionsModel = new TaskDefinitionsModel(context.taskDefinitions(), context.operations().targets(), work,
                shell.environmentProperty());
        TaskDefinitionsView taskDefinitions = new TaskDefinitionsView(taskDefinitionsModel, () -> ComposeImportForm.open(stage,
                shell.environmentProperty().get(), context.operations().compose(), work, launcher, () -> window.show(activityView)));
        LoadBalancersModel loadBalancersModel = new LoadBalancersModel(context.loadBalancers(), context.operations().targets(), work,
                shell.environmentProperty());
        LoadBalancersView loadBalancers = new LoadBalancersView(loadBalancersModel);
        ClustersView clusters = new ClustersView(new ClustersModel(context.clusters(), context.operations().targets(), work,
                shell.environmentProperty()), graphs(context, work, null), new ClustersView.Links() {
                    @Override
                    public void taskDefinition(String arn) {
                        taskDefinitionsModel.show(arn);
                        window.show(taskDefinitions);
                    }

                    @Override
                    public void targetGroup(String arn) {
                        loadBalancersModel.show(arn);
                        window.show(loadBalancers);
                    }

                    @Override
                    public void logs(boolean task, String what) {
                        logsModel.open(task ? LogViewModel.Kind.TASK : LogViewModel.Kind.SERVICE, what);
                        window.show(logs);
                    }

                    @Override
                    public void runTask(String service) {
                        runTask.accept(service);
                    }
                });
        RegionsView regions = new RegionsView(new RegionsModel(context.operations().regionData(), work, shell.environmentProperty()), stage, launcher,
                () -> window.show(activityView));
        RestartView restart = new RestartView(new RestartModel(context.operations().restart(), context.logs(), context.operations().runner().store(),
                work, shell.environmentProperty()), graphs(context, work, GraphsModel.Subject.ENVIRONMENT), launcher, () -> window.show(activityView));
        // Runbook runs ask this console for manual ticks (the Runbooks view) and for their operations' plans (the plan dialog).
        ConsoleAttendant attendant = new ConsoleAttendant(() -> new PlanDialog(stage));
        context.operations().runbooks().services().attendants().attend(attendant);
        RunbooksView runbooks = new RunbooksView(new RunbooksModel(context.operations().runbooks(), context.operations().runner().store(), work,
                shell.environmentProperty(), shell.workspaceProperty()), attendant, launcher, stage);
        DeploysView deploys = new DeploysView(new DeploysModel(context.operations().deploys(), context.operations().blueGreen(),
                context.operations().rolling(), context.operations().runner().store(),
                context.logs(), work, shell.environmentProperty()), graphs(context, work, GraphsModel.Subject.ENVIRONMENT), launcher);
        BranchesModel branchesModel = new BranchesModel(context.operations().branches(), work, shell.environmentProperty());
        Runnable newBranch = () -> BranchForm.open(stage, shell.environmentProperty().get(), context.operations().branches(), work, launcher,
                () -> window.show(activityView));
        BranchesView branches = new BranchesView(branchesModel, newBranch, () -> {
            Environment env = shell.environmentProperty().get();
            String name = branchesModel.selectedProperty().get() == null ? null : branchesModel.selectedProperty().get().name();
            if (env != null && name != null) {
                launcher.launch("destroy branch " + name, () -> context.operations().branches().destroy(env, name));
            }
        });
        window = new MainWindow(shell, work, List.of(profiles, environments, clusters, taskDefinitions, loadBalancers, deploys, branches, restart,
                regions, runbooks, logs, activityView));
        window.closeGuard(launcher::runningHere);
        window.action("Run a one-off task (migration)…", () -> runTask.accept(null));
        window.action("Scale the service…", scale);
        window.action("Restart the service (new tasks, then stop the old)…", () -> window.show(restart));
        window.action("Walk a runbook (release checklist)…", () -> window.show(runbooks));
        window.action("Deploy or roll back (blue/green)…", () -> window.show(deploys));
        window.action("New branch environment (a seeded copy of the service)…", newBranch);
        window.action("Import a Docker Compose file as a task definition…", () -> ComposeImportForm.open(stage, shell.environmentProperty().get(),
                context.operations().compose(), work, launcher, () -> window.show(activityView)));
        window.show(stage);
        activity.refresh();
        if (workspace != null) {
            shell.openWorkspace(workspace);
        }
        return window;
    }

    /** A view's own graphs of the chosen environment's service ({@code subject}), or of the service the view chooses (null). */
    private GraphsModel graphs(AppContext context, BackgroundWork work, GraphsModel.Subject subject) {
        return new GraphsModel(context.graphs(), work, shell.environmentProperty(), subject, java.time.Clock.systemUTC());
    }

    /** Opening a workspace clears the top bar's message, so the news is given again after it. */
    private void announceInterruptedRuns() {
        String text = ActivityModel.interruptedSentence(activity.interruptedRunsProperty().get(), "Open Activity, then Resume or Start over.");
        if (!text.isEmpty()) {
            shell.messageProperty().set(text);
        } else if (shell.messageProperty().get().contains(" interrupted: ")) {
            shell.messageProperty().set("");
        }
    }

    public ActivityModel activity() {
        return activity;
    }

    public ShellModel shell() {
        return shell;
    }

    public BackgroundWork work() {
        return work;
    }
}
