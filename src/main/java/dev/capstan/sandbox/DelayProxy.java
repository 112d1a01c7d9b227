package dev.capstan.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP proxy that holds each HTTP request for a fixed time before passing it on, as the
 * distance to real S3 would. A request is the first bytes a client sends after the server last
 * answered on that connection (HTTP/1.1 without pipelining alternates the two).
 */
public final class DelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final long delayMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "delay-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public DelayProxy(int targetPort, long delayMillis) throws IOException {
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayMillis = delayMillis;
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                upstream.setTcpNoDelay(true);
                AtomicBoolean answered = new AtomicBoolean(true);
                threads.execute(() -> pump(client, upstream, answered, true));
                threads.execute(() -> pump(upstream, client, answered, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean answered, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (request && answered.getAndSet(false)) {
                    Thread.sleep(delayMillis);
                } else if (!request) {
                    answered.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The other side closed: close both, as a proxy does.
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
