package dev.capstan.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback HTTP/1.1 proxy in front of a local AWS stand-in (moto) that lets an {@link Answerer} answer some calls itself:
 * what the stand-in lacks (Live Tail's event stream), or what AWS does and a stand-in never does (throttling, faults on its
 * side, dropped connections). Every other request goes to the stand-in as it came and its answer comes back as it went.
 */
public final class HttpInterposer implements AutoCloseable {
    /** A request as the proxy read it: enough to tell which call it is and to send it on. */
    public record Request(String method, String target, Map<String, String> headers, byte[] head, byte[] body) {
        /** The service the request was signed for (ecs, s3, elasticloadbalancing…), from its Authorization header. */
        public String service() {
            String authorization = headers.getOrDefault("authorization", "");
            int credential = authorization.indexOf("Credential=");
            if (credential < 0) {
                return "";
            }
            String[] scope = authorization.substring(credential + 11).split("[,\\s]")[0].split("/");
            return scope.length >= 4 ? scope[3] : "";
        }

        /** The API operation where the protocol names it in a header (JSON protocols), else the Query Action, else the method. */
        public String operation() {
            String target = headers.get("x-amz-target");
            if (target != null) {
                return target.substring(target.lastIndexOf('.') + 1);
            }
            String form = new String(body, StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                if (pair.startsWith("Action=")) {
                    return pair.substring(7);
                }
            }
            if ("s3".equals(service())) {
                return method + (headers.containsKey("x-amz-copy-source") ? " copy" : "") + " " + this.target;
            }
            return method + " " + this.target;
        }

        /** What a retry of the same call repeats: the SDK signs each attempt anew, but the call and its content stay. */
        public String identity() {
            return method + " " + target + " " + headers.getOrDefault("x-amz-target", "") + " " + headers.getOrDefault("x-amz-copy-source", "")
                    + " " + java.util.Arrays.hashCode(body) + "/" + body.length;
        }
    }

    /** What an answerer did with a call. */
    public enum Answer {
        /** Send it on to the stand-in (the answerer may have looked at it). */
        PASS,
        /** Answered; the connection stays open for the client's next call. */
        ANSWERED,
        /** Answered for as long as it lasted (an event stream), or dropped without a word: the connection ends. */
        CLOSE
    }

    /** Sees every call before the stand-in does. */
    public interface Answerer {
        Answer answer(Request request, OutputStream out) throws IOException;
    }

    private final Answerer answerer;
    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "http-interposer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpInterposer(URI upstream, Answerer answerer) throws IOException {
        this.upstream = upstream;
        this.answerer = answerer;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    /** A proxy on a free loopback port in front of the stand-in at {@code upstream} (http://host:port). */
    public static HttpInterposer inFrontOf(String upstream, Answerer answerer) throws IOException {
        return new HttpInterposer(URI.create(upstream), answerer);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed.get()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed.get()) {
                    throw new IllegalStateException("The proxy stopped accepting", e);
                }
            }
        }
    }

    /** Serves one client connection, a request at a time, until the client closes it or an answerer ends it. */
    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                Request request = readRequest(in, out);
                if (request == null) {
                    return;
                }
                Answer answer = answerer.answer(request, out);
                if (answer == Answer.CLOSE) {
                    return;
                }
                if (answer == Answer.ANSWERED) {
                    continue;
                }
                out.write(forward(request));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private Request readRequest(InputStream in, OutputStream out) throws IOException {
        byte[] head = readHead(in);
        if (head == null) {
            return null;
        }
        List<String> lines = List.of(new String(head, StandardCharsets.ISO_8859_1).split("\r\n"));
        String[] requestLine = lines.get(0).split(" ");
        Map<String, String> headers = headers(lines);
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, headers, false);
        return new Request(requestLine[0], requestLine[1], headers, head, body);
    }

    /** Sends the request to the stand-in on a connection of its own and returns its whole answer, framed for a kept-alive client. */
    private byte[] forward(Request request) throws IOException {
        try (Socket socket = new Socket(upstream.getHost(), upstream.getPort())) {
            OutputStream toServer = socket.getOutputStream();
            StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
            List<String> lines = List.of(new String(request.head(), StandardCharsets.ISO_8859_1).split("\r\n"));
            for (String line : lines.subList(1, lines.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("expect") && !name.equals("transfer-encoding") && !name.equals("content-length")) {
                    head.append(line).append("\r\n");
                }
            }
            head.append("Content-Length: ").append(request.body().length).append("\r\nConnection: close\r\n\r\n");
            toServer.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            toServer.write(request.body());
            toServer.flush();
            InputStream fromServer = socket.getInputStream();
            byte[] answerHead = readHead(fromServer);
            if (answerHead == null) {
                throw new IOException("The stand-in closed without answering");
            }
            List<String> answerLines = List.of(new String(answerHead, StandardCharsets.ISO_8859_1).split("\r\n"));
            Map<String, String> answerHeaders = headers(answerLines);
            byte[] body = "HEAD".equals(request.method()) ? new byte[0] : readBody(fromServer, answerHeaders, true);
            StringBuilder reply = new StringBuilder(answerLines.get(0)).append("\r\n");
            for (String line : answerLines.subList(1, answerLines.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("keep-alive") && !name.equals("transfer-encoding")
                        && !(name.equals("content-length") && !"HEAD".equals(request.method()))) {
                    reply.append(line).append("\r\n");
                }
            }
            if (!"HEAD".equals(request.method())) {
                reply.append("Content-Length: ").append(body.length).append("\r\n");
            }
            reply.append("\r\n");
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(reply.toString().getBytes(StandardCharsets.ISO_8859_1));
            whole.write(body);
            return whole.toByteArray();
        }
    }

    private static Map<String, String> headers(List<String> lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** The bytes up to the blank line that ends a message's head (without it), or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0d0a0d0a) {
                byte[] all = head.toByteArray();
                return java.util.Arrays.copyOf(all, all.length - 4);
            }
        }
    }

    /** A message's body, by its Content-Length, or its chunks (decoded), or else (an answer) until the stream ends or (a request) none. */
    private static byte[] readBody(InputStream in, Map<String, String> headers, boolean untilTheEnd) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers: none that matter here
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        return untilTheEnd ? in.readAllBytes() : new byte[0];
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        closed.set(true);
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    @Override
    public String toString() {
        return "HttpInterposer " + endpoint() + " → " + upstream;
    }
}
