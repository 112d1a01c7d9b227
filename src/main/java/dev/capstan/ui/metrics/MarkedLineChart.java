package dev.capstan.ui.metrics;

import dev.capstan.ops.metrics.GraphPicture.Marker;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;

/**
 * A line chart over time (epoch seconds on the x axis) with moments marked by vertical lines: the watched run's steps (numbered)
 * and the environment's other runs. JavaFX charts have no markers of their own; they are laid out with the plot.
 */
final class MarkedLineChart extends LineChart<Number, Number> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private final List<Marker> markers = new ArrayList<>();
    private final List<Node[]> marks = new ArrayList<>();

    MarkedLineChart(String title) {
        super(timeAxis(), new NumberAxis());
        setTitle(title);
        setCreateSymbols(false);
        setAnimated(false);
        // JavaFX hides its legend on a chart under about 250 px; the view draws its own below each chart instead.
        setLegendVisible(false);
        getStyleClass().add("graph");
        ((NumberAxis) getYAxis()).setForceZeroInRange(true);
    }

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(java.time.Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is only shown");
            }
        });
        return axis;
    }

    void span(long fromSeconds, long toSeconds) {
        NumberAxis axis = (NumberAxis) getXAxis();
        axis.setLowerBound(fromSeconds);
        axis.setUpperBound(toSeconds);
        // About six labels, on whole minutes.
        axis.setTickUnit(Math.max(60, Math.round((toSeconds - fromSeconds) / 6.0 / 60) * 60));
    }

    void mark(List<Marker> now) {
        marks.forEach(nodes -> getPlotChildren().removeAll(nodes));
        marks.clear();
        markers.clear();
        markers.addAll(now);
        for (Marker marker : now) {
            Line line = new Line();
            line.getStyleClass().add(marker.step() ? "graph-step" : "graph-run");
            Label label = new Label(marker.step() ? marker.label().substring(0, marker.label().indexOf('.')) : "▾");
            label.getStyleClass().add(marker.step() ? "graph-step-label" : "graph-run-label");
            Tooltip tip = new Tooltip(CLOCK.format(marker.at()) + "  " + marker.label());
            Tooltip.install(line, tip);
            Tooltip.install(label, tip);
            marks.add(new Node[] {line, label});
            getPlotChildren().addAll(line, label);
        }
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        // Steps a few seconds apart share a pixel column: only labels with room of their own are shown (every line keeps its tooltip).
        double labelsEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < markers.size(); i++) {
            double x = getXAxis().getDisplayPosition(markers.get(i).at().getEpochSecond());
            Line line = (Line) marks.get(i)[0];
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
            Label label = (Label) marks.get(i)[1];
            double width = label.prefWidth(-1);
            label.setVisible(x + 2 > labelsEnd);
            if (label.isVisible()) {
                labelsEnd = x + 2 + width;
            }
            label.resizeRelocate(x + 2, 0, width, label.prefHeight(-1));
        }
    }
}
