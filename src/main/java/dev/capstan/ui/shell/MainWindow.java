package dev.capstan.ui.shell;

import atlantafx.base.theme.Styles;
import dev.capstan.domain.Environment;
import dev.capstan.ui.common.BackgroundWork;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** The console's window: top bar, sidebar of views, the current view, status bar, and the command palette over them. */
public final class MainWindow {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
        KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
    private final ShellModel model;
    private final BackgroundWork work;
    private final List<AppView> views;
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final CommandPalette palette;
    private final java.util.Map<String, Runnable> actions = new java.util.LinkedHashMap<>();
    private Stage stage;
    private AppView current;
    private java.util.function.Supplier<String> closeGuard = () -> "";

    public MainWindow(ShellModel model, BackgroundWork work, List<AppView> views) {
        this.model = model;
        this.work = work;
        this.views = List.copyOf(views);
        this.palette = new CommandPalette(this::paletteEntries);
    }

    public void show(Stage stage) {
        this.stage = stage;
        Themes.apply(model.themeProperty().get());
        model.themeProperty().addListener((obs, old, theme) -> Themes.apply(theme));

        BorderPane root = new BorderPane();
        root.setId("main-window");
        root.setTop(new TopBar(model, menu()));
        root.setLeft(sidebar());
        root.setCenter(content);
        root.setBottom(new StatusBar(model, work));
        StackPane layers = new StackPane(root, palette);
        Scene scene = new Scene(layers);
        installShortcuts(scene);

        stage.setScene(scene);
        stage.setTitle("Capstan");
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Environment env = model.environmentProperty().get();
            return env == null ? "Capstan" : "Capstan — " + env.name();
        }, model.environmentProperty()));
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = MainWindow.class.getResourceAsStream("/dev/capstan/icons/capstan-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        WindowMemory.restore(stage, model.settings().window());
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
                return;
            }
            model.rememberWindow(WindowMemory.capture(stage));
        });
        select(0);
        stage.show();
    }

    private VBox sidebar() {
        VBox side = new VBox(4);
        side.setId("sidebar");
        side.setPadding(new Insets(10, 6, 10, 6));
        side.setPrefWidth(190);
        side.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent -color-border-default transparent transparent;");
        Label title = new Label("Capstan");
        title.getStyleClass().addAll(Styles.TITLE_3);
        title.setPadding(new Insets(0, 0, 8, 8));
        side.getChildren().add(title);
        for (int i = 0; i < views.size(); i++) {
            AppView view = views.get(i);
            ToggleButton button = new ToggleButton(view.title(), new FontIcon(view.icon()));
            button.setId("nav-" + view.title().toLowerCase().replace(' ', '-'));
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            button.getStyleClass().add(Styles.FLAT);
            if (i < DIGITS.length) {
                button.setTooltip(new javafx.scene.control.Tooltip("Ctrl+" + (i + 1)));
            }
            int index = i;
            button.setOnAction(e -> select(index));
            buttons.add(button);
            side.getChildren().add(button);
        }
        return side;
    }

    private MenuBar menu() {
        Menu file = new Menu("File");
        MenuItem open = new MenuItem("Open workspace…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseWorkspace());
        Menu recent = new Menu("Open recent");
        recent.setId("recent-menu");
        Runnable fillRecent = () -> recent.getItems().setAll(model.recentWorkspaces().stream().map(path -> {
            MenuItem item = new MenuItem(path);
            item.setOnAction(e -> model.openWorkspace(Path.of(path)));
            return item;
        }).toList());
        fillRecent.run();
        model.recentWorkspaces().addListener((ListChangeListener<String>) change -> fillRecent.run());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            if (mayClose()) {
                model.rememberWindow(WindowMemory.capture(stage));
                stage.close();
            }
        });
        file.getItems().addAll(open, recent, new SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        for (int i = 0; i < views.size(); i++) {
            int index = i;
            MenuItem item = new MenuItem(views.get(i).title());
            item.setOnAction(e -> select(index));
            view.getItems().add(item);
        }
        MenuItem refresh = new MenuItem("Refresh (F5)");
        refresh.setOnAction(e -> refresh());
        MenuItem theme = new MenuItem("Toggle light / dark theme");
        theme.setId("toggle-theme");
        theme.setOnAction(e -> model.toggleTheme());
        MenuItem commands = new MenuItem("Command palette (Ctrl+K)");
        commands.setOnAction(e -> palette.open());
        view.getItems().addAll(new SeparatorMenuItem(), refresh, theme, commands);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private void installShortcuts(Scene scene) {
        for (int i = 0; i < Math.min(views.size(), DIGITS.length); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN), () -> select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), palette::open);
    }

    private List<CommandPalette.Entry> paletteEntries() {
        List<CommandPalette.Entry> entries = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            int index = i;
            entries.add(new CommandPalette.Entry(views.get(i).title(), "view", () -> select(index)));
        }
        for (Environment env : model.environments()) {
            entries.add(new CommandPalette.Entry(env.name() + (env.production() ? " (production)" : ""), "environment",
                    () -> model.environmentProperty().set(env)));
        }
        entries.add(new CommandPalette.Entry("Open workspace…", "action", this::chooseWorkspace));
        entries.add(new CommandPalette.Entry("Refresh the current view", "action", this::refresh));
        entries.add(new CommandPalette.Entry("Toggle light / dark theme", "action", model::toggleTheme));
        entries.add(new CommandPalette.Entry("Ask STS who I am again", "action", model::refreshIdentity));
        actions.forEach((label, action) -> entries.add(new CommandPalette.Entry(label, "action", action)));
        for (String path : model.recentWorkspaces()) {
            entries.add(new CommandPalette.Entry(path, "recent workspace", () -> model.openWorkspace(Path.of(path))));
        }
        return entries;
    }

    private void chooseWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Capstan workspace");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Workspace (*.yaml, *.yml)", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.openWorkspace(file.toPath());
        }
    }

    /** Brings view {@code index} to the front. */
    public void select(int index) {
        if (index < 0 || index >= views.size()) {
            return;
        }
        if (current != null && current != views.get(index)) {
            current.hidden();
        }
        current = views.get(index);
        buttons.get(index).setSelected(true);
        content.getChildren().setAll(current.node());
        current.shown();
    }

    /**
     * What closing would interrupt, in a sentence, or empty: runs going on in this console. A run stopped by
     * closing can be resumed, but at 3 a.m. nobody should stop one by accident.
     */
    /** An operation the command palette offers (Ctrl+K), such as "Run a one-off task…". */
    public void action(String label, Runnable action) {
        actions.put(label, action);
    }

    public void closeGuard(java.util.function.Supplier<String> whatWouldStop) {
        this.closeGuard = whatWouldStop;
    }

    private boolean mayClose() {
        String running = closeGuard.get();
        if (running.isEmpty()) {
            return true;
        }
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                running + "\n\nClosing stops it where it is; it can be resumed from Activity later.", 
                new javafx.scene.control.ButtonType("Close anyway", javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                javafx.scene.control.ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setHeaderText("A run is going on");
        ask.getDialogPane().setId("close-while-running");
        return ask.showAndWait().map(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** Brings the given view to the front: how one view links to another. */
    public void show(AppView view) {
        select(views.indexOf(view));
    }

    public void refresh() {
        if (current != null) {
            current.refresh();
        }
    }
}
