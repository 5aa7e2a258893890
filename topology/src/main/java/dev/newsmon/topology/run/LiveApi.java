package dev.newsmon.topology.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.tagging.GazetteerEntity;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.core.watchlist.WatchlistFile;
import dev.newsmon.topology.LiveQueries;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.TrendConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page and its API, served by {@code run} and {@code demo}:
 *
 * <ul>
 *   <li>{@code /} the page (static HTML/CSS/JS from the class path; no framework, no CDN)</li>
 *   <li>{@code /api/alerts/stream} Server-Sent Events: buffered alerts (after {@code Last-Event-ID}, else the newest
 *       {@code backlog}), then each alert as it is committed; {@code ?entity=ID} filters</li>
 *   <li>{@code /api/alerts?limit=N&entity=ID} the newest buffered alerts, newest first</li>
 *   <li>{@code /api/entities/top?window=24h|7d&limit=N} unique articles per entity over the last day / week of
 *       event time, with a series for sparklines; answered by the instance that hosts the trend store (proxied)</li>
 *   <li>{@code /api/watchlist} GET the tracked entities; POST {@code {"id", "type", "names"}} adds one; DELETE
 *       {@code /api/watchlist/ID} removes one. The API is read-only unless a token is configured; writes then need
 *       {@code Authorization: Bearer TOKEN}.</li>
 *   <li>{@code /api/info} instance, whether writes need a token, trend settings</li>
 * </ul>
 */
public final class LiveApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveApi.class);
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern ENTITY_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/live.js", "live.js", "/live.css", "live.css",
            "/favicon.svg", "favicon.svg");

    private final LiveQueries queries;
    private final AlertFeed feed;
    private final Map<String, Object> clientConfig;
    private final String watchlistTopic;
    private final String token;
    private final HostInfo self;
    private final LiveStreams streams;
    private final HttpClient proxy = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private volatile boolean closing;

    /**
     * @param self  this instance's advertised HTTP address ({@code application.server}); null when not advertised
     * @param token required on writes when not null/empty
     */
    public LiveApi(LiveQueries queries, AlertFeed feed, Map<String, Object> clientConfig, String watchlistTopic,
            String token, HostInfo self) {
        this(queries, feed, clientConfig, watchlistTopic, token, self, LiveStreams.Limits.DEFAULTS);
    }

    LiveApi(LiveQueries queries, AlertFeed feed, Map<String, Object> clientConfig, String watchlistTopic,
            String token, HostInfo self, LiveStreams.Limits limits) {
        this.streams = new LiveStreams(limits);
        this.queries = queries;
        this.feed = feed;
        this.clientConfig = Map.copyOf(clientConfig);
        this.watchlistTopic = watchlistTopic;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.self = self;
        for (String name : STATIC.values()) {
            files.computeIfAbsent(name, LiveApi::resource);
        }
    }

    void register(BiConsumer<String, HttpHandler> route) {
        route.accept("/", this::page);
        route.accept("/api/alerts", ex -> guarded(ex, this::alerts));
        route.accept("/api/alerts/stream", ex -> guarded(ex, this::stream));
        route.accept("/api/entities/top", ex -> guarded(ex, this::top));
        route.accept("/api/watchlist", ex -> guarded(ex, this::watchlist));
        route.accept("/api/info", ex -> guarded(ex, this::info));
    }

    boolean tokenRequired() {
        return token != null;
    }

    String token() {
        return token;
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    /** Unexpected failures become a JSON 500 (or 503 while the processor is not ready), never a dropped connection. */
    private static void guarded(HttpExchange ex, Handler handler) throws IOException {
        try {
            handler.handle(ex);
        } catch (InvalidStateStoreException e) {
            Exchanges.error(ex, 503, "not ready yet (the stream processor is starting or rebalancing): "
                    + e.getMessage());
        } catch (Exchanges.TooLarge e) {
            Exchanges.error(ex, 413, e.getMessage());
        } catch (IOException e) {
            ex.close();
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            Exchanges.error(ex, 500, "internal error: " + e.getMessage());
        }
    }

    private void page(HttpExchange ex) throws IOException {
        String name = STATIC.get(ex.getRequestURI().getPath());
        if (name == null) {
            Exchanges.error(ex, 404, "no such page: " + ex.getRequestURI().getPath());
            return;
        }
        if (!Exchanges.isRead(ex)) {
            Exchanges.methodNotAllowed(ex, "GET");
            return;
        }
        // Everything the page loads comes from this server: no CDN (the monitor may run offline).
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        Exchanges.send(ex, 200, contentType(name), files.get(name));
    }

    private void alerts(HttpExchange ex) throws IOException {
        if (!readAt(ex, "/api/alerts")) {
            return;
        }
        Map<String, String> q = Exchanges.query(ex);
        List<AlertFeed.Item> items = feed.recent(Exchanges.intParam(q, "limit", 50, 1, feed.capacity()),
                blankToNull(q.get("entity")));
        Exchanges.rawJson(ex, 200, items.stream().map(AlertFeed.Item::json).collect(Collectors.joining(",", "[", "]")));
    }

    private void stream(HttpExchange ex) throws IOException {
        if (!exact(ex, "/api/alerts/stream")) {
            return;
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            Exchanges.methodNotAllowed(ex, "GET");
            return;
        }
        LiveStreams.Stream s;
        try {
            s = streams.open();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        if (s == null) {
            Exchanges.error(ex, 503, "too many live streams open on this instance (" + streams.limits().maxStreams()
                    + ")");
            return;
        }
        Map<String, String> q = Exchanges.query(ex);
        String lastEventId = ex.getRequestHeaders().getFirst("Last-Event-ID");
        String entity = blankToNull(q.get("entity"));
        AlertFeed.Subscription sub = feed.subscribe(lastEventId != null ? lastEventId : blankToNull(q.get("lastEventId")),
                Exchanges.intParam(q, "backlog", 50, 0, feed.capacity()), streams.limits().maxQueuedEvents());
        s.attach(sub.queue());
        try {
            var h = ex.getResponseHeaders();
            h.set("Content-Type", "text/event-stream; charset=utf-8");
            h.set("Cache-Control", "no-store");
            h.set("X-Accel-Buffering", "no");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            StringBuilder first = new StringBuilder("retry: 3000\n\n");
            for (AlertFeed.Item item : sub.backlog()) {
                first.append(event(item, entity));
            }
            s.write(out, first.toString());
            long keepAlive = streams.limits().keepAlive().toMillis();
            while (!closing && s.endReason() == null) {
                AlertFeed.Item item = sub.queue().poll(keepAlive, TimeUnit.MILLISECONDS);
                if (item == AlertFeed.Item.END) {
                    if (!closing) {
                        s.end("more than " + streams.limits().maxQueuedEvents() + " events behind", false);
                    }
                    break;
                }
                s.write(out, item == null ? ": keep-alive\n\n" : event(item, entity));
            }
        } catch (InterruptedException e) {
            // ended by the watchdog or by a newer client
        } catch (IOException e) {
            // the client went away, or its blocked write was interrupted
        } finally {
            feed.unsubscribe(sub.queue());
            streams.close(s, ex);
        }
    }

    private static String event(AlertFeed.Item item, String entity) {
        return entity == null || item.entityIds().contains(entity)
                ? "id: " + item.eventId() + "\nevent: alert\ndata: " + item.json() + "\n\n" : "";
    }

    private void top(HttpExchange ex) throws IOException {
        if (!readAt(ex, "/api/entities/top")) {
            return;
        }
        Map<String, String> q = Exchanges.query(ex);
        String window = q.getOrDefault("window", "24h").strip().toLowerCase(Locale.ROOT);
        Duration span;
        Duration step;
        switch (window) {
            case "24h", "1d" -> {
                span = Duration.ofHours(24);
                step = Duration.ofHours(1);
            }
            case "7d", "168h" -> {
                span = Duration.ofDays(7);
                step = Duration.ofHours(6);
            }
            default -> {
                Exchanges.error(ex, 400, "window must be 24h or 7d, not \"" + window + "\"");
                return;
            }
        }
        int limit = Exchanges.intParam(q, "limit", 10, 1, 100);
        LiveQueries.TrendLocation where = queries.locateTrends();
        if (where instanceof LiveQueries.Local local) {
            Exchanges.json(ex, 200, topJson(LiveQueries.top(local, span, step, limit, queries.watchlist()), window));
        } else if (where instanceof LiveQueries.Remote remote) {
            if (q.containsKey("local") || remote.host().equals(self)) {
                Exchanges.error(ex, 503, "the trend store is moving between instances; try again in a moment");
                return;
            }
            forward(ex, remote.host(), "/api/entities/top?window=" + URLEncoder.encode(window, StandardCharsets.UTF_8)
                    + "&limit=" + limit + "&local=true");
        } else {
            Exchanges.error(ex, 503, ((LiveQueries.Unavailable) where).reason());
        }
    }

    private static Map<String, Object> topJson(LiveQueries.TopEntities top, String window) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", window);
        out.put("asOf", top.asOf());
        out.put("from", top.from());
        out.put("stepSeconds", top.step().toSeconds());
        out.put("entities", top.entities());
        return out;
    }

    /** Asks the instance that hosts the trend store, and passes its answer on. */
    private void forward(HttpExchange ex, HostInfo host, String pathAndQuery) throws IOException {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpResponse<byte[]> r = proxy.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ex.getResponseHeaders().set("X-Newsmon-Served-By", host.host() + ":" + host.port());
            Exchanges.send(ex, r.statusCode(), r.headers().firstValue("Content-Type").orElse(Exchanges.JSON), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.error(ex, 503, "interrupted");
        } catch (IOException e) {
            Exchanges.error(ex, 502, "the instance hosting the trend store (" + host.host() + ":" + host.port()
                    + ") did not answer: " + e.getMessage());
        }
    }

    private void watchlist(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/api/watchlist") || path.equals("/api/watchlist/")) {
            switch (method) {
                case "GET", "HEAD" -> Exchanges.json(ex, 200, watchlistJson(queries.watchlist()));
                case "POST" -> add(ex);
                default -> Exchanges.methodNotAllowed(ex, "GET, POST");
            }
            return;
        }
        if (!path.startsWith("/api/watchlist/")) {
            Exchanges.error(ex, 404, "no such endpoint: " + path);
            return;
        }
        String id = URLDecoder.decode(path.substring("/api/watchlist/".length()), StandardCharsets.UTF_8);
        if (!"DELETE".equals(method)) {
            Exchanges.methodNotAllowed(ex, "DELETE");
            return;
        }
        if (!writeAllowed(ex)) {
            return;
        }
        if (!queries.watchlist().tracks(id)) {
            Exchanges.error(ex, 404, "\"" + id + "\" is not on the watchlist");
            return;
        }
        TopicSetup.removeFromWatchlist(clientConfig, watchlistTopic, id);
        LOG.info("Watchlist: {} removed through the HTTP API", id);
        Exchanges.json(ex, 202, Map.of("removed", id, "note", "applies to the next articles within a second"));
    }

    private void add(HttpExchange ex) throws IOException {
        if (!writeAllowed(ex)) {
            return;
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            // Also keeps cross-site HTML forms out: they cannot send application/json.
            Exchanges.error(ex, 415, "send the entry as Content-Type: application/json");
            return;
        }
        byte[] body = Exchanges.body(ex, MAX_BODY_BYTES);
        WatchlistEntry entry;
        try {
            JsonNode node = Json.mapper().readTree(body);
            entry = WatchlistFile.entry(node == null ? Json.mapper().nullNode() : node, "request body");
        } catch (IOException e) {
            Exchanges.error(ex, 400, "the request body is not valid JSON");
            return;
        } catch (IllegalArgumentException e) {
            Exchanges.error(ex, 400, e.getMessage());
            return;
        }
        if (!ENTITY_ID.matcher(entry.id()).matches()) {
            Exchanges.error(ex, 400, "an entity id is letters, digits, '.', '_' or '-' (at most 100), not \""
                    + entry.id() + "\"");
            return;
        }
        if (!entry.definesNames() && Gazetteer.builtIn().entity(entry.id()).isEmpty()) {
            Exchanges.error(ex, 400, "unknown entity id \"" + entry.id()
                    + "\": it is not in the built-in gazetteer; give it \"names\" to define it");
            return;
        }
        TopicSetup.publishWatchlist(clientConfig, watchlistTopic, Watchlist.of(List.of(entry)));
        LOG.info("Watchlist: {} added through the HTTP API", entry.id());
        Exchanges.json(ex, 202, Map.of("tracking", entry.id(), "entry", entry,
                "note", "applies to the next articles within a second"));
    }

    /**
     * Without a configured token the API is read-only (nobody on the machine can change what is tracked by
     * accident or on purpose); with one, a write must carry it.
     */
    private boolean writeAllowed(HttpExchange ex) throws IOException {
        if (token == null) {
            Exchanges.error(ex, 403, "the HTTP API is read-only: start newsmon with NEWSMON_HTTP_TOKEN (or --http-token)"
                    + " to change the watchlist here, or use ./newsmon watchlist add|remove");
            return false;
        }
        if (!Exchanges.authorized(ex, token)) {
            unauthorized(ex);
            return false;
        }
        return true;
    }

    private void unauthorized(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsmon\"");
        Exchanges.error(ex, 401, "this change needs the API token: Authorization: Bearer <token>");
    }

    private Map<String, Object> watchlistJson(Watchlist watchlist) {
        List<Map<String, Object>> tracked = new ArrayList<>();
        for (WatchlistEntry e : watchlist.entries()) {
            GazetteerEntity known = Gazetteer.builtIn().entity(e.id()).orElse(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type() != null ? e.type() : known != null ? known.type() : null);
            m.put("name", known != null ? known.displayName() : e.definesNames() ? e.names().get(0) : e.id());
            m.put("nameAr", known != null ? known.nameAr() : null);
            m.put("names", e.names());
            m.put("builtIn", known != null);
            tracked.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tracked", tracked);
        out.put("writeRequiresToken", tokenRequired());
        out.put("readOnly", !tokenRequired());
        return out;
    }

    private void info(HttpExchange ex) throws IOException {
        if (!readAt(ex, "/api/info")) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance", self == null ? null : self.host() + ":" + self.port());
        out.put("writeRequiresToken", tokenRequired());
        out.put("readOnly", !tokenRequired());
        out.put("alertBuffer", feed.capacity());
        TrendConfig t = queries.trendConfig();
        if (t.enabled()) {
            Map<String, Object> trends = new LinkedHashMap<>();
            trends.put("window", t.window().toString());
            trends.put("hop", t.hop().toString());
            trends.put("baseline", t.baseline().toString());
            trends.put("minFactor", t.minFactor());
            trends.put("minCount", t.minCount());
            trends.put("allEntities", t.allEntities());
            out.put("trends", trends);
        } else {
            out.put("trends", null);
        }
        Exchanges.json(ex, 200, out);
    }

    /** True for a GET/HEAD of exactly {@code path}; otherwise answers 404 or 405 and returns false. */
    private static boolean readAt(HttpExchange ex, String path) throws IOException {
        if (!exact(ex, path)) {
            return false;
        }
        if (!Exchanges.isRead(ex)) {
            Exchanges.methodNotAllowed(ex, "GET");
            return false;
        }
        return true;
    }

    private static boolean exact(HttpExchange ex, String path) throws IOException {
        if (ex.getRequestURI().getPath().equals(path)) {
            return true;
        }
        Exchanges.error(ex, 404, "no such endpoint: " + ex.getRequestURI().getPath());
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
    }

    private static byte[] resource(String name) {
        try (InputStream in = LiveApi.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the live page resource web/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live streams open now, and how many the server has ended (stuck, too slow, too old, evicted). */
    int openStreams() {
        return streams.openCount();
    }

    long droppedStreams() {
        return streams.dropped();
    }

    int maxStreams() {
        return streams.limits().maxStreams();
    }

    @Override
    public void close() {
        closing = true;
        streams.close();
    }
}
