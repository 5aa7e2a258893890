package dev.newsmon.producers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP server for feed tests (JDK built-in); records every request. */
final class FeedServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    final List<HttpExchange> requests = new CopyOnWriteArrayList<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    FeedServer on(String path, Handler handler) {
        server.createContext(path, ex -> {
            requests.add(ex);
            try {
                handler.handle(ex);
            } finally {
                ex.close();
            }
        });
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
