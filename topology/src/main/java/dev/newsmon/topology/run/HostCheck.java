package dev.newsmon.topology.run;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guards against DNS rebinding: a page on {@code evil.example} whose name is re-pointed at 127.0.0.1 makes the
 * browser send {@code Host: evil.example} to this server, and could read alerts and the watchlist. A request is served
 * only when its {@code Host} names this server: {@code localhost} (and {@code *.localhost}), an IP address literal
 * (a rebinding attack needs a name), the bound host, the advertised host, or a configured name ({@code .example.org}
 * allows every subdomain, {@code *} turns the check off). Otherwise 421 Misdirected Request. A cross-site
 * {@code Origin} (set by browsers on cross-origin fetches and on POST/DELETE) must pass the same test, else 403.
 * The health probes are not checked: they reveal nothing, and probes address the server by whatever name they use.
 */
public final class HostCheck extends Filter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(?:%[\\w.-]+)?]");
    private static final Set<String> WILDCARD_BINDS = Set.of("", "0.0.0.0", "::", "[::]");

    private final Set<String> names = new LinkedHashSet<>();
    private final List<String> suffixes;
    private final boolean any;

    /**
     * @param names host names to accept besides localhost and IP literals (bound host, advertised host, the
     *              configured list); blank entries and wildcard bind addresses are ignored
     */
    public HostCheck(Collection<String> names) {
        for (String n : names) {
            String name = n == null ? "" : n.strip().toLowerCase(Locale.ROOT);
            if (!WILDCARD_BINDS.contains(name)) {
                this.names.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
            }
        }
        this.any = this.names.contains("*");
        this.suffixes = this.names.stream().filter(n -> n.startsWith(".")).toList();
    }

    /** Whether a {@code Host} header value (name or address, optional port) names this server. */
    public boolean hostAllowed(String hostHeader) {
        if (any) {
            return true;
        }
        if (hostHeader == null) {
            return true; // HTTP/1.0 without Host: not something a browser sends
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && IPV6.matcher(host.substring(0, end + 1)).matches();
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return false;
        }
        return IPV4.matcher(host).matches() || host.equals("localhost") || host.endsWith(".localhost")
                || names.contains(host) || suffixes.stream().anyMatch(host::endsWith);
    }

    /** Whether an {@code Origin} header (absent: same-origin or not a browser) is this server's. */
    public boolean originAllowed(String origin) {
        if (origin == null || any) {
            return true;
        }
        try {
            URI uri = new URI(origin.strip());
            String authority = uri.getRawAuthority();
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && authority != null
                    && hostAllowed(authority);
        } catch (URISyntaxException e) {
            return false; // includes the opaque "null" origin of sandboxed frames and file: pages
        }
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (ex.getRequestURI().getPath().startsWith("/health/")) {
            chain.doFilter(ex);
            return;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (!hostAllowed(host)) {
            Exchanges.error(ex, 421, "this server does not answer to the name \"" + abbreviate(host) + "\"; add it"
                    + " with --http-allowed-hosts (NEWSMON_HTTP_ALLOWED_HOSTS) if it is yours");
            return;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (!originAllowed(origin)) {
            Exchanges.error(ex, 403, "requests from pages of another site (Origin \"" + abbreviate(origin)
                    + "\") are refused; add the name with --http-allowed-hosts (NEWSMON_HTTP_ALLOWED_HOSTS)");
            return;
        }
        chain.doFilter(ex);
    }

    private static String abbreviate(String s) {
        String t = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }

    @Override
    public String description() {
        return "Host and Origin check (DNS rebinding)";
    }
}
