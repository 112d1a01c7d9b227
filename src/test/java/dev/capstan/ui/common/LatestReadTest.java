package dev.capstan.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** Reads answered in the order a test chooses: only the newest read of the current subject is ever shown. */
class LatestReadTest {
    /** Background work that waits until the test answers it, in any order; the FX side runs at once. */
    private static final class HeldWork extends AbstractExecutorService {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void answerOldestFirst() {
            held.removeFirst().run();
        }

        void answerNewestFirst() {
            held.removeLast().run();
        }

        int waiting() {
            return held.size();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private final HeldWork background = new HeldWork();
    private final StringProperty environment = new SimpleStringProperty("staging");
    private final LatestRead reads = new LatestRead(new BackgroundWork(background, Runnable::run), environment);
    private final List<String> shown = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private void read(String answer) {
        reads.read("reading", () -> answer, shown::add, e -> errors.add(e.getMessage()));
    }

    private void tick(String answer) {
        reads.refresh("ticking", () -> answer, shown::add, e -> errors.add(e.getMessage()));
    }

    @Test
    void aReadOfTheEnvironmentLeftBehindIsDroppedWhenItAnswersLate() {
        read("staging clusters");
        environment.set("production");
        read("production clusters");
        background.answerNewestFirst();
        background.answerOldestFirst();
        assertThat(shown).containsExactly("production clusters");
    }

    @Test
    void aChangeOfSubjectWithNoNewReadDropsTheAnswerAndErrorsToo() {
        reads.<String>read("reading", () -> {
            throw new IllegalStateException("staging is throttled");
        }, shown::add, e -> errors.add(e.getMessage()));
        environment.set("production");
        background.answerOldestFirst();
        assertThat(errors).isEmpty();
        assertThat(reads.isUnderWay()).isFalse();
        tick("production clusters");
        background.answerOldestFirst();
        assertThat(shown).containsExactly("production clusters");
    }

    @Test
    void anOlderReadOfTheSameSubjectNeverOverwritesANewerOne() {
        read("first look");
        read("second look");
        background.answerNewestFirst();
        background.answerOldestFirst();
        assertThat(shown).containsExactly("second look");
    }

    @Test
    void aTickWhileAReadIsUnderWayAsksNothingButATickAfterASwitchDoes() {
        read("staging clusters");
        tick("staging again");
        assertThat(background.waiting()).isEqualTo(1);
        environment.set("production");
        tick("production clusters");
        assertThat(background.waiting()).isEqualTo(2);
        background.answerOldestFirst();
        background.answerOldestFirst();
        assertThat(shown).containsExactly("production clusters");
    }

    @Test
    void dropForgetsWhatIsUnderWay() {
        read("staging clusters");
        reads.drop();
        background.answerOldestFirst();
        assertThat(shown).isEmpty();
        assertThat(reads.isUnderWay()).isFalse();
    }
}
