package dev.capstan.ui.metrics;

import dev.capstan.domain.Environment;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.metrics.GraphPicture;
import dev.capstan.ops.metrics.ServiceGraphs;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A service's graphs for a view: read with one GetMetricData call when the view comes to the front and every 15 seconds while
 * it stays there, for the last hour or since the watched run began.
 */
public final class GraphsModel {
    static final javafx.util.Duration EVERY = javafx.util.Duration.seconds(15);
    /** A run's graphs start a little before it, to show what it changed. */
    static final Duration BEFORE_THE_RUN = Duration.ofMinutes(5);
    /** The shortest span shown: ECS and ELB publish a point a minute. */
    static final Duration SHORTEST = Duration.ofMinutes(15);

    public enum Span {
        LAST_HOUR("Last hour"), SINCE_RUN("Since the run began");

        private final String words;

        Span(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** Which service to graph: {@link #ENVIRONMENT} is the environment's own, with the target groups ECS gives it. */
    public record Subject(String cluster, String service, List<String> targetGroupArns) {
        public static final Subject ENVIRONMENT = new Subject(null, null, List.of());

        public Subject {
            targetGroupArns = List.copyOf(targetGroupArns);
        }
    }

    private final ServiceGraphs graphs;
    private final Clock clock;
    private final ObjectProperty<Environment> environment;
    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>(this, "subject");
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(this, "span", Span.LAST_HOUR);
    private final ObjectProperty<GraphPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final LatestRead reads;
    private final InFront front;
    private boolean active;

    public GraphsModel(ServiceGraphs graphs, BackgroundWork work, ObjectProperty<Environment> environment, Subject subject, Clock clock) {
        this.graphs = graphs;
        this.clock = clock;
        this.environment = environment;
        this.subject.set(subject);
        this.reads = new LatestRead(work, environment, this.subject, span);
        this.front = new InFront(environment, this::forget, this::refresh, EVERY);
        this.subject.addListener((obs, old, now) -> readAgain());
        span.addListener((obs, old, now) -> readAgain());
    }

    private void forget() {
        reads.drop();
        picture.set(null);
        error.set("");
    }

    private void readAgain() {
        picture.set(null);
        if (active) {
            refresh();
        }
    }

    public void setActive(boolean active) {
        this.active = active;
        front.setActive(active);
    }

    public void refresh() {
        Environment env = environment.get();
        Subject what = subject.get();
        if (env == null || what == null) {
            return;
        }
        if (what == Subject.ENVIRONMENT && env.service() == null) {
            error.set(env.name() + " names no service; add service: to it in the workspace to see its graphs.");
            return;
        }
        Instant to = clock.instant();
        RunRecord watched = run.get();
        Instant from = span.get() == Span.SINCE_RUN && watched != null ? watched.startedAt().minus(BEFORE_THE_RUN) : to.minus(Duration.ofHours(1));
        Instant earliest = to.minus(SHORTEST);
        Instant start = from.isAfter(earliest) ? earliest : from;
        reads.refresh("Reading CloudWatch metrics", () -> what == Subject.ENVIRONMENT
                        ? graphs.read(env, start, to, watched)
                        : graphs.read(env, what.cluster(), what.service(), what.targetGroupArns(), start, to, watched),
                read -> {
                    error.set("");
                    picture.set(read);
                }, failure -> error.set(failure.getMessage()));
    }

    public ObjectProperty<Subject> subjectProperty() {
        return subject;
    }

    /** The run whose steps are marked (and which "since the run began" starts from). */
    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ObjectProperty<GraphPicture> pictureProperty() {
        return picture;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
