package dev.capstan.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The append-only JSON-lines file of one run. Every record but a log line is written and forced to the disk
 * before {@link #append} returns, so what a step did is on disk before the next step starts, even if the
 * process is killed a moment later.
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ObjectMapper json;
    private final Clock clock;
    private final Runnable written;

    private Journal(Path file, FileChannel channel, ObjectMapper json, Clock clock, Runnable written) {
        this.file = file;
        this.channel = channel;
        this.json = json;
        this.clock = clock;
        this.written = written;
    }

    /**
     * Opens the file for appending; a last line torn by a crash is ended first, so it cannot swallow the next record.
     * {@code written} is told after each record is on disk (the team history's mirror follows it); it must not block.
     */
    static Journal open(Path file, ObjectMapper json, Clock clock, Runnable written) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.position(channel.size());
            if (channel.size() > 0 && !endsWithNewline(channel)) {
                channel.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
            return new Journal(file, channel, json, clock, written);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithNewline(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0) == '\n';
    }

    public Path file() {
        return file;
    }

    /** A new record of the given type, stamped with the time; fill it and pass it to {@link #append}. */
    public ObjectNode record(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        node.put("at", clock.instant().toString());
        return node;
    }

    public synchronized void append(ObjectNode record) {
        write(record, true);
    }

    /**
     * Appends a record that need not be on disk before the run goes on: a log line. The next forced record
     * (a step's end, a fact, a lock event) forces it too, so a crash can lose only log lines written since.
     */
    public synchronized void appendUnforced(ObjectNode record) {
        write(record, false);
    }

    private void write(ObjectNode record, boolean force) {
        try {
            byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(false);
            }
            written.run();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Every record was already forced to disk; a failing close loses nothing.
        }
    }
}
