package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's index: each journal read once while it does not change, by this process or the next. */
class RunIndexTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger journalsRead = new AtomicInteger();

    private RunIndex index() {
        return new RunIndex(dir, file -> {
            journalsRead.incrementAndGet();
            return new JournalReader(JsonMapper.builder().build()).read(file, false);
        });
    }

    private void journal(String id, String environment, String outcome) {
        try (Journal journal = new RunStore(dir, clock).journal(id)) {
            journal.append(journal.record("run").put("id", id).put("operation", "service.scale").put("title", "Scale " + id)
                    .put("environment", environment).put("osUser", "ops@host"));
            journal.append(journal.record("step").put("id", "scale").put("event", "started"));
            if (outcome != null) {
                journal.append(journal.record("finished").put("outcome", outcome));
            }
        }
    }

    @Test
    void aNewProcessListsFromTheIndexAndReadsOnlyTheJournalsThatChanged() {
        journal("20261202T100000Z-0001", "staging", "SUCCEEDED");
        journal("20261202T100100Z-0002", "production", null);
        assertThat(index().current()).hasSize(2);
        assertThat(journalsRead).hasValue(2);
        assertThat(dir.resolve(RunIndex.FILE)).exists();

        journalsRead.set(0);
        RunIndex next = index();
        assertThat(next.current()).extracting(RunSummary::id).containsExactlyInAnyOrder("20261202T100000Z-0001", "20261202T100100Z-0002");
        assertThat(journalsRead).as("a second process reads the index, not the journals").hasValue(0);

        try (Journal journal = new RunStore(dir, clock).journal("20261202T100100Z-0002")) {
            journal.append(journal.record("finished").put("outcome", "FAILED").put("error", "it broke"));
        }
        journal("20261202T100200Z-0003", "staging", "SUCCEEDED");
        List<RunSummary> now = next.current();
        assertThat(journalsRead).as("the journal that grew and the new one").hasValue(2);
        assertThat(now).filteredOn(r -> r.id().endsWith("0002")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED))
                .satisfies(r -> assertThat(r.error()).isEqualTo("it broke"));
        next.current();
        assertThat(journalsRead).as("nothing changed since").hasValue(2);
    }

    @Test
    void aJournalThatWentLeavesTheListingAndABrokenIndexIsRebuilt() throws Exception {
        journal("20261202T100000Z-0001", "staging", "SUCCEEDED");
        journal("20261202T100100Z-0002", "staging", "SUCCEEDED");
        index().current();
        Files.delete(dir.resolve("20261202T100000Z-0001.jsonl"));
        assertThat(index().current()).extracting(RunSummary::id).containsExactly("20261202T100100Z-0002");

        Files.writeString(dir.resolve(RunIndex.FILE), "{\"format\": 1, \"runs\": [ {\"file\": tor");
        journalsRead.set(0);
        assertThat(index().current()).extracting(RunSummary::id).containsExactly("20261202T100100Z-0002");
        assertThat(journalsRead).hasValue(1);
        assertThat(new RunStore(dir, clock).summaries()).extracting(RunSummary::id).containsExactly("20261202T100100Z-0002");
    }

    @Test
    void aRunWithoutAnEndIsRunningWhileItsMarkerIsHeldAndInterruptedAfter() throws Exception {
        RunStore store = new RunStore(dir, clock);
        journal("20261202T100000Z-0001", "staging", null);
        AutoCloseable live = store.markLive("20261202T100000Z-0001");
        assertThat(store.summaries()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.RUNNING));
        assertThat(store.read("20261202T100000Z-0001").outcome()).isEqualTo(RunOutcome.RUNNING);
        live.close();
        assertThat(store.summaries()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.INTERRUPTED));
        assertThat(store.unfinished("staging", "service.scale")).hasSize(1);
        assertThat(store.unfinished("production", "service.scale")).isEmpty();
        assertThat(store.latest("staging", List.of("service.scale"))).isPresent();
        assertThat(store.latest("staging", List.of("task.run"))).isEmpty();
    }
}
