package dev.capstan.testworld;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP line between the PostgreSQL driver and the server that a test can cut where it means to: before the
 * server sees a statement (the transaction dies open, and the server rolls it back), or after the server has answered
 * it, with the answer lost on the way back (the server committed; the client cannot know). Statements are recognised by
 * their text in the protocol's messages, as the driver sends them.
 */
public final class DatabaseLine implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "database-line");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String cutBefore;
    private volatile String loseAnswerTo;
    private final CountDownLatch cut = new CountDownLatch(1);

    public DatabaseLine(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next message that holds {@code statement} never reaches the server: the line is cut just before it. */
    public void cutBefore(String statement) {
        cutBefore = statement;
    }

    /** The next message that holds {@code statement} reaches the server; its answer does not come back, and the line is cut. */
    public void loseAnswerTo(String statement) {
        loseAnswerTo = statement;
    }

    /** Waits until the line was cut (a guard of two minutes against a hung test). */
    public void awaitCut() throws InterruptedException {
        if (!cut.await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("The database line was never cut");
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                CountDownLatch answerLost = new CountDownLatch(1);
                pumps.execute(() -> toServer(client, upstream, answerLost));
                pumps.execute(() -> toClient(upstream, client, answerLost));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void toServer(Socket client, Socket upstream, CountDownLatch answerLost) {
        byte[] buffer = new byte[65536];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                String before = cutBefore;
                if (before != null && text.contains(before)) {
                    cutBefore = null;
                    cutNow(client, upstream);
                    return;
                }
                String lose = loseAnswerTo;
                if (lose != null && text.contains(lose)) {
                    loseAnswerTo = null;
                    answerLost.countDown();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        }
    }

    private void toClient(Socket upstream, Socket client, CountDownLatch answerLost) {
        byte[] buffer = new byte[65536];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (answerLost.getCount() == 0) {
                    // The server has answered the statement: so it was done. The answer goes nowhere.
                    cutNow(client, upstream);
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        }
    }

    private void cutNow(Socket client, Socket upstream) {
        try {
            client.close();
            upstream.close();
        } catch (IOException e) {
            // cut anyway
        }
        cut.countDown();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pumps.shutdownNow();
    }
}
