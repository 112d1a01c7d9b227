package dev.capstan.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of the runs index, written and read as a stream of JSON tokens: every CLI command
 * that lists history reads it at start-up, so it is read without data binding or date parsing (times are
 * kept as nanoseconds since the epoch).
 */
final class RunIndexFile {
    private static final JsonFactory JSON = new JsonFactory();

    private RunIndexFile() {
    }

    static void write(Path file, int format, List<RunIndex.Entry> entries) throws IOException {
        try (JsonGenerator out = JSON.createGenerator(file.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("format", format);
            out.writeArrayFieldStart("runs");
            for (RunIndex.Entry entry : entries) {
                RunSummary run = entry.summary();
                out.writeStartObject();
                out.writeStringField("file", entry.file());
                out.writeNumberField("size", entry.size());
                out.writeNumberField("modified", entry.modified());
                out.writeStringField("id", run.id());
                out.writeStringField("operation", run.operationType());
                out.writeStringField("title", run.title());
                out.writeStringField("environment", run.environment());
                if (run.scope() != null) {
                    out.writeStringField("scope", run.scope());
                }
                out.writeStringField("osUser", run.osUser());
                out.writeStringField("callerArn", run.callerArn());
                out.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> p : run.parameters().entrySet()) {
                    out.writeStringField(p.getKey(), p.getValue());
                }
                out.writeEndObject();
                out.writeObjectFieldStart("facts");
                for (Map.Entry<String, List<String>> fact : run.facts().entrySet()) {
                    out.writeArrayFieldStart(fact.getKey());
                    for (String value : fact.getValue()) {
                        out.writeString(value);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
                writeInstant(out, "startedAt", run.startedAt());
                writeInstant(out, "finishedAt", run.finishedAt());
                out.writeStringField("outcome", run.outcome().name());
                if (run.error() != null) {
                    out.writeStringField("error", run.error());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** The entries of an index of this format; empty for an index of another format (it is rebuilt). */
    static List<RunIndex.Entry> read(Path file, int format) throws IOException {
        List<RunIndex.Entry> entries = new ArrayList<>();
        try (JsonParser in = JSON.createParser(file.toFile())) {
            expect(in.nextToken(), JsonToken.START_OBJECT);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                if (field.equals("format")) {
                    if (in.getIntValue() != format) {
                        return List.of();
                    }
                } else if (field.equals("runs")) {
                    expect(in.currentToken(), JsonToken.START_ARRAY);
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        entries.add(entry(in));
                    }
                } else {
                    in.skipChildren();
                }
            }
        }
        return entries;
    }

    private static RunIndex.Entry entry(JsonParser in) throws IOException {
        long size = -1;
        long modified = -1;
        Map<String, String> text = new HashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        Instant startedAt = null;
        Instant finishedAt = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "size" -> size = in.getLongValue();
                case "modified" -> modified = in.getLongValue();
                case "startedAt" -> startedAt = instant(in, value);
                case "finishedAt" -> finishedAt = instant(in, value);
                case "parameters" -> {
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String key = in.currentName();
                        in.nextToken();
                        parameters.put(key, in.getText());
                    }
                }
                case "facts" -> {
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String key = in.currentName();
                        expect(in.nextToken(), JsonToken.START_ARRAY);
                        List<String> values = new ArrayList<>();
                        while (in.nextToken() != JsonToken.END_ARRAY) {
                            values.add(in.getText());
                        }
                        facts.put(key, values);
                    }
                }
                default -> {
                    if (value.isStructStart()) {
                        in.skipChildren();
                    } else if (value != JsonToken.VALUE_NULL) {
                        text.put(field, in.getText());
                    }
                }
            }
        }
        String id = text.get("id");
        String file = text.get("file");
        if (file == null || id == null || startedAt == null) {
            throw new IOException("an entry without its journal's name, id or start");
        }
        RunSummary summary = new RunSummary(id, text.get("operation"), text.get("title"), text.get("environment"), text.get("scope"), text.get("osUser"),
                text.get("callerArn"), parameters, facts, startedAt, finishedAt, RunOutcome.valueOf(text.get("outcome")), text.get("error"), null);
        return new RunIndex.Entry(file, size, modified, summary);
    }

    private static void writeInstant(JsonGenerator out, String field, Instant instant) throws IOException {
        if (instant == null) {
            out.writeNullField(field);
        } else {
            out.writeNumberField(field, instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
        }
    }

    private static Instant instant(JsonParser in, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        long nanos = in.getLongValue();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
