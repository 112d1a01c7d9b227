package dev.capstan.ui.logs;

import dev.capstan.domain.Environment;
import dev.capstan.domain.LogEvent;
import dev.capstan.ops.logs.LogFollower;
import dev.capstan.ops.logs.LogReading;
import dev.capstan.ops.RunRecord;
import dev.capstan.ops.RunStore;
import dev.capstan.ops.StepRecord;
import dev.capstan.ops.logs.LogSource;
import dev.capstan.ops.logs.LogTail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lines of one followed source. Events arrive on the follower's thread into a queue; {@link #drain()},
 * called once per frame on the FX thread, moves them into the list in one batch and trims the oldest
 * beyond the cap, counting what it dropped. While paused, nothing is moved and nothing is lost.
 */
public final class LogViewModel {
    public enum Kind { SERVICE, TASK, GROUP, RUN }

    public static final int DEFAULT_CAP = 100_000;
    private static final int MAX_PER_FRAME = 50_000;
    private final LogReading reading;
    private final RunStore runs;
    private final ExecutorService executor;
    private final ObjectProperty<Environment> environment;
    /**
     * One follow: what its follower delivered and said, not yet shown. A new follow starts a new session, so a
     * follower that is still finishing a look when it is stopped (the environment changed, another source was
     * chosen) can only fill a session nobody shows.
     */
    private static final class Session {
        final ConcurrentLinkedQueue<LogEvent> incoming = new ConcurrentLinkedQueue<>();
        volatile String pendingState;
        volatile String pendingNotice;
    }

    private volatile Session session = new Session();
    private final ObservableList<LogEvent> lines = FXCollections.observableArrayList();
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SERVICE);
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty since = new SimpleStringProperty(this, "since", "10m");
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final StringProperty highlight = new SimpleStringProperty(this, "highlight", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty utc = new SimpleBooleanProperty(this, "utc");
    private final IntegerProperty cap = new SimpleIntegerProperty(this, "cap", DEFAULT_CAP);
    private final LongProperty dropped = new SimpleLongProperty(this, "dropped");
    private final StringProperty state = new SimpleStringProperty(this, "state", "not following");
    /** A sentence to read once about how the lines are read, such as Live Tail refused and polling instead. */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty sourceTitle = new SimpleStringProperty(this, "sourceTitle", "");
    private LogTail follower;
    private CountDownLatch stopSignal;

    public LogViewModel(LogReading reading, RunStore runs, ExecutorService executor, ObjectProperty<Environment> environment) {
        this.reading = reading;
        this.runs = runs;
        this.executor = executor;
        this.environment = environment;
        paused.addListener((obs, was, now) -> state.set(now ? pausedState() : "live"));
        environment.addListener((obs, old, now) -> environmentChanged(now));
    }

    /** Another environment: a follow of the last one's logs stops and its lines go, so none is shown under the new name. */
    private void environmentChanged(Environment now) {
        if (stopSignal == null || kind.get() == Kind.RUN) {
            return;
        }
        stop();
        session = new Session();
        lines.clear();
        dropped.set(0);
        state.set("stopped: the environment is now " + (now == null ? "none" : now.name()) + "; Follow to read its logs");
    }

    /** Starts following the chosen source (stopping any other); the source is worked out in the background. */
    public void start() {
        stop();
        Environment env = environment.get();
        if (env == null && kind.get() != Kind.RUN) {
            state.set("choose an environment first");
            return;
        }
        lines.clear();
        notice.set("");
        Session mine = new Session();
        session = mine;
        dropped.set(0);
        Kind chosenKind = kind.get();
        String chosenSubject = subject.get() == null ? "" : subject.get().trim();
        String filter = pattern.get();
        long start;
        try {
            start = Instant.now().minus(dev.capstan.domain.Durations.parse(since.get())).toEpochMilli();
        } catch (IllegalArgumentException e) {
            state.set(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stopSignal = stopped;
        if (chosenKind == Kind.RUN) {
            state.set("following run " + chosenSubject);
            executor.execute(() -> followRun(chosenSubject, stopped, mine));
            return;
        }
        state.set("working out where the lines are…");
        executor.execute(() -> {
            try {
                LogSource source = switch (chosenKind) {
                    case SERVICE -> reading.sources().service(env, chosenSubject.isEmpty() ? env.service() : chosenSubject);
                    case TASK -> reading.sources().task(env, chosenSubject);
                    case GROUP -> LogSource.group(chosenSubject.isEmpty() ? env.logGroup() : chosenSubject);
                    case RUN -> throw new IllegalStateException("runs are followed from their journal");
                };
                mine.pendingState = "following " + source.title();
                LogTail f = reading.tail(env, source, filter, start, true, new LogFollower.Sink() {
                    @Override
                    public void events(List<LogEvent> batch) {
                        mine.incoming.addAll(batch);
                    }

                    @Override
                    public void state(LogFollower.State s, String detail) {
                        mine.pendingState = describe(s, detail);
                    }

                    @Override
                    public void notice(String sentence) {
                        mine.pendingNotice = sentence;
                    }
                }, d -> {
                    try {
                        return !stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });
                synchronized (this) {
                    follower = f;
                }
                if (stopped.getCount() > 0) {
                    f.run();
                }
            } catch (RuntimeException e) {
                mine.pendingState = "could not follow: " + e.getMessage();
            }
        });
    }

    /** A run's own log, from its journal: each step's lines, read again every second until the run ends. */
    private void followRun(String runId, CountDownLatch stopped, Session mine) {
        java.util.Map<String, Integer> shown = new java.util.HashMap<>();
        try {
            while (true) {
                RunRecord run = runs.read(runId);
                List<LogEvent> fresh = new ArrayList<>();
                for (StepRecord step : run.steps()) {
                    int from = shown.getOrDefault(step.planned().id(), 0);
                    long at = step.startedAt() == null ? run.startedAt().toEpochMilli() : step.startedAt().toEpochMilli();
                    for (int i = from; i < step.log().size(); i++) {
                        fresh.add(new LogEvent(runId + "#" + step.planned().id() + "#" + i, at, "step " + step.planned().number(), step.log().get(i)));
                    }
                    shown.put(step.planned().id(), step.log().size());
                }
                mine.incoming.addAll(fresh);
                boolean over = run.outcome() != dev.capstan.ops.RunOutcome.RUNNING;
                mine.pendingState = over ? "run " + run.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + run.title() : "live: " + run.title();
                if (over || stopped.await(1, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            mine.pendingState = "could not read run " + runId + ": " + e.getMessage();
        }
    }

    /** Opens a source from another view: a service, a task or a run. */
    public void open(Kind chosen, String what) {
        kind.set(chosen);
        subject.set(what);
        start();
    }

    private static String describe(LogFollower.State s, String detail) {
        String word = switch (s) {
            case CATCHING_UP -> "catching up";
            case LIVE -> "live";
            case BEHIND -> "behind";
            case BACKING_OFF -> "backing off";
            case PAUSED -> "paused";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
        return detail == null || detail.isEmpty() ? word : word + ": " + detail;
    }

    public void stop() {
        synchronized (this) {
            if (follower != null) {
                follower.stop();
                follower = null;
            }
        }
        if (stopSignal != null) {
            stopSignal.countDown();
            stopSignal = null;
        }
    }

    /** One frame's worth of work on the FX thread: move what arrived into the list in one batch. */
    public int drain() {
        Session shown = session;
        String said = shown.pendingNotice;
        if (said != null) {
            shown.pendingNotice = null;
            notice.set(said);
        }
        String news = shown.pendingState;
        if (news != null) {
            shown.pendingState = null;
            if (!paused.get()) {
                state.set(news);
            }
        }
        if (paused.get()) {
            // Lines keep arriving while paused; the state says how many wait, so nobody wonders whether the source went quiet.
            String waiting = pausedState();
            if (!waiting.equals(state.get())) {
                state.set(waiting);
            }
            return 0;
        }
        if (shown.incoming.isEmpty()) {
            return 0;
        }
        List<LogEvent> batch = new ArrayList<>(Math.min(shown.incoming.size(), MAX_PER_FRAME));
        LogEvent event;
        while (batch.size() < MAX_PER_FRAME && (event = shown.incoming.poll()) != null) {
            batch.add(event);
        }
        lines.addAll(batch);
        int over = lines.size() - cap.get();
        if (over > 0) {
            lines.remove(0, over);
            dropped.set(dropped.get() + over);
        }
        return batch.size();
    }

    private String pausedState() {
        int waiting = session.incoming.size();
        return "paused: " + waiting + (waiting == 1 ? " line waiting" : " lines waiting");
    }

    /** For a benchmark or a test: lines as if the follower had delivered them. */
    public void offer(List<LogEvent> events) {
        session.incoming.addAll(events);
    }

    public ObservableList<LogEvent> lines() {
        return lines;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public StringProperty highlightProperty() {
        return highlight;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty utcProperty() {
        return utc;
    }

    public IntegerProperty capProperty() {
        return cap;
    }

    public LongProperty droppedProperty() {
        return dropped;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty sourceTitleProperty() {
        return sourceTitle;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }
}
