package dev.capstan.ui.metrics;

import atlantafx.base.theme.Styles;
import dev.capstan.aws.MetricsGateway.Point;
import dev.capstan.ops.metrics.GraphPicture;
import dev.capstan.ops.metrics.GraphPicture.Chart;
import dev.capstan.ops.metrics.GraphPicture.Line;
import dev.capstan.ui.common.Columns;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A service's graphs: CPU and memory, healthy and unhealthy hosts, 5xx responses and response time, side by side as room allows,
 * with the watched run's steps and the environment's deploys marked on the time axis.
 */
public final class GraphsView {
    private static final double TILE_WIDTH = 300;
    private static final double TILE_HEIGHT = 200;
    private final GraphsModel model;
    private final VBox root = new VBox(6);
    private final Map<Chart, MarkedLineChart> charts = new EnumMap<>(Chart.class);
    private final Map<Chart, FlowPane> legends = new EnumMap<>(Chart.class);
    private final Map<Chart, VBox> tilesOf = new EnumMap<>(Chart.class);
    private final Label status = new Label();

    /** @param first the charts this view puts first (a restart's healthy hosts), the rest after them in their usual order */
    public GraphsView(GraphsModel model, String id, Chart... first) {
        this.model = model;
        root.setId(id);
        root.getStylesheets().add(GraphsView.class.getResource("/dev/capstan/ui/metrics/graphs.css").toExternalForm());
        ChoiceBox<GraphsModel.Span> span = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(GraphsModel.Span.values()));
        span.setId(id + "-span");
        span.valueProperty().bindBidirectional(model.spanProperty());
        status.setId(id + "-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label("Graphs");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        // The status takes what room the header has left and gives way first; its tooltip keeps the whole sentence.
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new javafx.scene.control.Tooltip(status.getText()), status.textProperty()));
        title.setMinWidth(Region.USE_PREF_SIZE);
        span.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, status, span);
        header.setAlignment(Pos.CENTER_LEFT);
        TilePane tiles = new TilePane(6, 6);
        tiles.setPrefTileWidth(TILE_WIDTH);
        tiles.setPrefTileHeight(TILE_HEIGHT);
        java.util.LinkedHashSet<Chart> order = new java.util.LinkedHashSet<>(List.of(first));
        order.addAll(List.of(Chart.values()));
        for (Chart chart : order) {
            MarkedLineChart shown = new MarkedLineChart(chart.title() + " (" + chart.unit() + ")");
            shown.setId(id + "-" + chart.name().toLowerCase(java.util.Locale.ROOT));
            charts.put(chart, shown);
            FlowPane legend = new FlowPane(10, 2);
            legend.setAlignment(Pos.CENTER);
            legends.put(chart, legend);
            VBox tile = new VBox(0, shown, legend);
            VBox.setVgrow(shown, Priority.ALWAYS);
            tilesOf.put(chart, tile);
            tiles.getChildren().add(tile);
        }
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(0));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(header, Columns.errorLine(model.errorProperty(), id + "-error"), scroll);
        model.pictureProperty().addListener((obs, old, now) -> show(now));
    }

    public Node node() {
        return root;
    }

    private void show(GraphPicture picture) {
        if (picture == null) {
            status.setText("reading CloudWatch…");
            charts.values().forEach(c -> c.getData().clear());
            return;
        }
        long points = picture.lines().stream().mapToLong(l -> l.points().size()).sum();
        status.setText(points == 0 ? "CloudWatch has no points for this span yet" : "a point a minute · numbered lines: the run's steps · ▾ lines: the environment's other runs");
        for (Map.Entry<Chart, MarkedLineChart> entry : charts.entrySet()) {
            MarkedLineChart chart = entry.getValue();
            chart.span(picture.from().getEpochSecond(), picture.to().getEpochSecond());
            List<Line> lines = picture.on(entry.getKey());
            chart.getData().setAll(lines.stream().map(GraphsView::series).toList());
            legends.get(entry.getKey()).getChildren().setAll(legend(lines));
            tilesOf.get(entry.getKey()).setVisible(!lines.isEmpty());
            tilesOf.get(entry.getKey()).setManaged(!lines.isEmpty());
            chart.mark(picture.markers());
        }
    }

    /** A swatch and a name a series, in the colours the chart gives its series (the theme's default-colorN, in order). */
    private static List<Label> legend(List<Line> lines) {
        List<Label> items = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("chart-legend-item-symbol", "chart-line-symbol", "series" + i, "default-color" + (i % 8));
            Label item = new Label(lines.get(i).label(), swatch);
            item.getStyleClass().add("chart-legend-item");
            items.add(item);
        }
        return items;
    }

    private static XYChart.Series<Number, Number> series(Line line) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(line.label());
        for (Point point : line.points()) {
            series.getData().add(new XYChart.Data<>(point.at().getEpochSecond(), point.value()));
        }
        return series;
    }
}
