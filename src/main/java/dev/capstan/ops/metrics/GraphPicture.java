package dev.capstan.ops.metrics;

import dev.capstan.aws.MetricsGateway.Point;
import java.time.Instant;
import java.util.List;

/** What a service's graphs show for a span of time: a line per series, each on its chart, and the moments marked on the time axis. */
public record GraphPicture(Instant from, Instant to, List<Line> lines, List<Marker> markers) {
    public GraphPicture {
        lines = List.copyOf(lines);
        markers = List.copyOf(markers);
    }

    /** The charts, each with one unit. */
    public enum Chart {
        UTILISATION("CPU and memory", "%"),
        HOSTS("Healthy and unhealthy hosts", "hosts"),
        ERRORS("Target 5xx responses", "a minute"),
        LATENCY("Target response time", "ms");

        private final String title;
        private final String unit;

        Chart(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        public String title() {
            return title;
        }

        public String unit() {
            return unit;
        }
    }

    public record Line(Chart chart, String label, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /** A step of the run being watched, or a run of the team's (a deploy, a rollback, a restart) that began in the span. */
    public record Marker(Instant at, String label, boolean step) {
    }

    public List<Line> on(Chart chart) {
        return lines.stream().filter(l -> l.chart() == chart).toList();
    }
}
