package dev.newsmon.topology.run;

import com.sun.net.httpserver.HttpExchange;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the JDK HTTP server: responses with safe default headers, query strings, bounded bodies. */
final class Exchanges {

    static final String JSON = "application/json; charset=utf-8";

    private Exchanges() {
    }

    /** A request body over the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    static boolean isRead(HttpExchange ex) {
        return "GET".equals(ex.getRequestMethod()) || "HEAD".equals(ex.getRequestMethod());
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, JSON, Json.writeBytes(value));
    }

    static void rawJson(HttpExchange ex, int status, String json) throws IOException {
        text(ex, status, JSON, json);
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        json(ex, status, Map.of("error", message));
    }

    static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        error(ex, 405, ex.getRequestMethod() + " is not supported here; use " + allow);
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is ignored
            }
        }
        return params;
    }

    /** An integer parameter clamped to [min, max], or the default when absent or not a number. */
    static int intParam(Map<String, String> params, String name, int dflt, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(params.getOrDefault(name, "").strip())));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The request body, at most {@code limit} bytes. */
    static byte[] body(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    throw new TooLarge(limit);
                }
            } catch (NumberFormatException e) {
                // chunked or odd: the read below enforces the limit
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new TooLarge(limit);
            }
            return bytes;
        }
    }

    /** True when no token is configured, or the request carries {@code Authorization: Bearer <token>}. */
    static boolean authorized(HttpExchange ex, String token) {
        if (token == null || token.isEmpty()) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
}
