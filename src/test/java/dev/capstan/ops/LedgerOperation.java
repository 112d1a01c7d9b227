package dev.capstan.ops;

import dev.capstan.domain.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * A test-only operation whose effects are lines in a ledger file: each change step appends its entry
 * only if the ledger lacks it, as a real step looks at live state first. Between entries B and C it
 * waits for a "go" file, which is where the crash tests kill it, after B is written but before the
 * step is journaled done.
 */
public final class LedgerOperation implements Operation {
    public static final String TYPE = "test.ledger";
    private final Environment environment;
    private final Path ledger;
    private final Path go;

    public LedgerOperation(Environment environment, Path ledger) {
        this.environment = environment;
        this.ledger = ledger;
        this.go = ledger.resolveSibling(ledger.getFileName() + ".go");
    }

    /** @param ledger the ledger file's path */
    public record Request(String ledger) {
    }

    public static OperationType<Request> declaration() {
        return OperationType.declare(TYPE, Request.class)
                .summary("Write entries A, B and C to a ledger file, each once.")
                .rebuild((environment, request) -> new LedgerOperation(environment, Path.of(request.ledger())));
    }

    public Path goFile() {
        return go;
    }

    public List<String> entries() {
        try {
            return Files.exists(ledger) ? Files.readAllLines(ledger) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Write the ledger on " + environment.name();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Request request() {
        return new Request(ledger.toString());
    }

    @Override
    public List<Step> steps() {
        return List.of(new Count(), new Append("A", false), new Append("B", true), new Append("C", false));
    }

    private final class Count implements Step {
        @Override
        public String id() {
            return "count";
        }

        @Override
        public StepKind kind() {
            return StepKind.READ;
        }

        @Override
        public StepPreview preview() {
            return StepPreview.of("Count the ledger's entries");
        }

        @Override
        public String run(StepContext context) {
            return "The ledger had " + context.rememberOnce("entriesBefore", Integer.toString(entries().size())) + " entries";
        }
    }

    private final class Append implements Step {
        private final String entry;
        private final boolean thenWaitForGo;

        Append(String entry, boolean thenWaitForGo) {
            this.entry = entry;
            this.thenWaitForGo = thenWaitForGo;
        }

        @Override
        public String id() {
            return "append-" + entry;
        }

        @Override
        public StepKind kind() {
            return StepKind.CHANGE;
        }

        @Override
        public StepPreview preview() {
            boolean there = entries().contains(entry);
            return StepPreview.change("Append entry " + entry + " to the ledger", there ? entry : "-", entry);
        }

        @Override
        public String run(StepContext context) throws IOException {
            String summary;
            if (entries().contains(entry)) {
                summary = "Entry " + entry + " was already there";
            } else {
                Files.writeString(ledger, entry + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                summary = "Appended entry " + entry;
            }
            context.log(summary);
            while (thenWaitForGo && !Files.exists(go)) {
                context.pause(Duration.ofMillis(50));
            }
            if (entry.equals(System.getProperty("ledger.failAt"))) {
                throw new IllegalStateException("Told to fail after entry " + entry);
            }
            return summary;
        }
    }
}
