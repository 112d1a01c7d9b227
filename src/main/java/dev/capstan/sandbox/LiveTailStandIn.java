package dev.capstan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * CloudWatch Logs Live Tail, which moto lacks, served locally (for the tests and the log benchmark) as AWS documents it: a proxy in front of moto
 * answers StartLiveTail with an event stream ({@code initial-response}, {@code sessionStart}, then a {@code sessionUpdate}
 * at least once a second) framed by the SDK's own event-stream library, and passes every other call on to moto. Sessions are
 * fed from the PutLogEvents calls that go through it (the lines put into moto), narrowed as the request asks
 * (group ARNs, stream names or prefixes, and a filter pattern of plain terms, all of which must appear). A test can make it
 * sample, end its sessions (SessionTimeoutException, as at three hours), break them (SessionStreamingException), or refuse.
 */
public final class LiveTailStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final class Session {
        final List<String> groups = new ArrayList<>();
        final List<String> streams = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        final List<String> terms = new ArrayList<>();
        final BlockingQueue<Object> feed = new LinkedBlockingQueue<>();

        boolean wants(String group, String stream, String message) {
            return groups.stream().anyMatch(arn -> arn.endsWith(":log-group:" + group))
                    && (streams.isEmpty() || streams.contains(stream))
                    && (prefixes.isEmpty() || prefixes.stream().anyMatch(stream::startsWith))
                    && terms.stream().allMatch(message::contains);
        }
    }

    /** How a session ends on the stand-in's word. */
    private record EndWith(String exceptionType) {
    }

    private final HttpInterposer proxy;
    private final List<Session> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private volatile String refusal;
    private volatile int sampleAbove = Integer.MAX_VALUE;

    private LiveTailStandIn(String upstream) throws IOException {
        this.proxy = HttpInterposer.inFrontOf(upstream, this::answer);
    }

    /** A Live Tail stand-in on a free loopback port in front of moto at {@code upstream}. */
    public static LiveTailStandIn inFrontOf(String upstream) throws IOException {
        return new LiveTailStandIn(upstream);
    }

    /** Where clients go for every service: StartLiveTail is answered here, the rest by moto. */
    public String endpoint() {
        return proxy.endpoint();
    }

    /** Sessions asked for from now on are refused with this error code (such as AccessDeniedException), or accepted (null). */
    public void refuse(String errorCode) {
        refusal = errorCode;
    }

    /** An update holds at most {@code lines} lines and says it sampled when there were more, as AWS does above 500 a second. */
    public void sampleAbove(int lines) {
        sampleAbove = lines;
    }

    /** Ends the open sessions as AWS does at three hours (SessionTimeoutException). */
    public void endSessions() {
        open.forEach(s -> s.feed.add(new EndWith("SessionTimeoutException")));
    }

    /** Breaks the open sessions mid-way (SessionStreamingException). */
    public void breakSessions() {
        open.forEach(s -> s.feed.add(new EndWith("SessionStreamingException")));
    }

    /** How many sessions were accepted so far. */
    public int sessionsStarted() {
        return started.get();
    }

    public int sessionsOpen() {
        return open.size();
    }

    private HttpInterposer.Answer answer(HttpInterposer.Request request, OutputStream out) throws IOException {
        String operation = request.operation();
        if ("PutLogEvents".equals(operation)) {
            feed(JSON.readTree(request.body()));
            return HttpInterposer.Answer.PASS;
        }
        if (!"StartLiveTail".equals(operation)) {
            return HttpInterposer.Answer.PASS;
        }
        JsonNode ask = JSON.readTree(request.body());
        String refused = refusal;
        if (refused != null) {
            byte[] body = ("{\"__type\":\"" + refused + "\",\"message\":\"The stand-in refuses Live Tail sessions (" + refused + ")\"}")
                    .getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-ErrorType: " + refused
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return HttpInterposer.Answer.CLOSE;
        }
        Session session = new Session();
        ask.path("logGroupIdentifiers").forEach(n -> session.groups.add(n.asText()));
        ask.path("logStreamNames").forEach(n -> session.streams.add(n.asText()));
        ask.path("logStreamNamePrefixes").forEach(n -> session.prefixes.add(n.asText()));
        for (String term : ask.path("logEventFilterPattern").asText("").split("\\s+")) {
            if (!term.isBlank()) {
                session.terms.add(term.replace("\"", ""));
            }
        }
        serve(session, ask, out);
        return HttpInterposer.Answer.CLOSE;
    }

    /** Streams the session until it is ended or the client goes away. */
    private void serve(Session session, JsonNode ask, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\nTransfer-Encoding: chunked\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, event("initial-response", JSON.createObjectNode()));
        ObjectNode start = JSON.createObjectNode().put("requestId", UUID.randomUUID().toString()).put("sessionId", UUID.randomUUID().toString());
        start.set("logGroupIdentifiers", ask.path("logGroupIdentifiers"));
        chunk(out, event("sessionStart", start));
        open.add(session);
        started.incrementAndGet();
        try {
            while (true) {
                List<ObjectNode> lines = new ArrayList<>();
                Object first = session.feed.poll(1, TimeUnit.SECONDS);
                EndWith end = null;
                for (Object item = first; item != null; item = session.feed.poll()) {
                    if (item instanceof EndWith e) {
                        end = e;
                        break;
                    }
                    lines.add((ObjectNode) item);
                }
                boolean sampled = lines.size() > sampleAbove;
                ObjectNode update = JSON.createObjectNode();
                update.putObject("sessionMetadata").put("sampled", sampled);
                ArrayNode results = update.putArray("sessionResults");
                (sampled ? lines.subList(0, sampleAbove) : lines).forEach(results::add);
                chunk(out, event("sessionUpdate", update));
                if (end != null) {
                    chunk(out, exception(end.exceptionType()));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(session);
        }
    }

    private void feed(JsonNode put) {
        String group = put.path("logGroupName").asText();
        String stream = put.path("logStreamName").asText();
        long now = System.currentTimeMillis();
        for (JsonNode event : put.path("logEvents")) {
            String message = event.path("message").asText();
            for (Session session : open) {
                if (session.wants(group, stream, message)) {
                    session.feed.add(JSON.createObjectNode().put("logStreamName", stream)
                            .put("logGroupIdentifier", session.groups.get(0)).put("message", message)
                            .put("timestamp", event.path("timestamp").asLong()).put("ingestionTime", now));
                }
            }
        }
    }

    private static byte[] event(String type, JsonNode payload) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(new Message(headers, JSON.writeValueAsBytes(payload)));
    }

    private static byte[] exception(String type) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return frame(new Message(headers, JSON.writeValueAsBytes(JSON.createObjectNode().put("message", "The stand-in ended the session"))));
    }

    private static byte[] frame(Message message) {
        ByteBuffer buffer = message.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
