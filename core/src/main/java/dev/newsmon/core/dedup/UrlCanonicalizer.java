package dev.newsmon.core.dedup;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical form of an article URL, so that re-crawls and tracking variants of one page compare equal.
 * The form is {@code host/path?query} (the scheme is dropped: http and https copies of a page are one article):
 * <ul>
 *   <li>host lower-cased (IDN to ASCII), trailing dot, default port and user info dropped; {@code www.},
 *       {@code m.}, {@code mobile.} and {@code amp.} prefixes removed;</li>
 *   <li>AMP variants folded: Google's AMP cache ({@code *.cdn.ampproject.org/c/s/host/path}), {@code /amp}
 *       prefix or suffix, {@code .amp} and {@code .amp.html} endings, {@code amp}/{@code outputType=amp}
 *       parameters;</li>
 *   <li>path: dot segments resolved, repeated slashes and a trailing slash removed, {@code index.html} and the
 *       like removed, percent-escapes of letters and UTF-8 text decoded so that an Arabic path written raw or
 *       escaped is the same, remaining escapes upper-cased;</li>
 *   <li>fragment removed; tracking parameters (utm_*, fbclid, gclid, …) removed; the rest sorted.</li>
 * </ul>
 * Returns empty for anything that is not an http(s) URL with a host. Never throws.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid",
            "msclkid", "yclid", "igshid", "twclid", "ttclid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc",
            "_hsmi", "ref", "ref_src", "ref_url", "referrer", "cmpid", "ocid", "smid", "sr_share", "at_medium",
            "at_campaign", "at_custom1", "at_custom2", "s_cid", "icid", "ito", "amp", "outputtype", "share", "from",
            "spm", "__twitter_impression", "rss", "feed", "xtor", "ns_mchannel", "ns_campaign", "ns_source",
            "ns_linkname", "ns_fee", "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid", "s_kwcid", "wt_mc");
    private static final String[] HOST_PREFIXES = {"www.", "m.", "mobile.", "amp."};
    private static final String AMP_CACHE = ".cdn.ampproject.org";

    private UrlCanonicalizer() {
    }

    public static Optional<String> canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(canonical(url.strip(), 0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String canonical(String url, int depth) {
        URI uri;
        try {
            uri = new URI(escapeIllegal(url)).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.endsWith(AMP_CACHE) && depth == 0) {
            String inner = ampCacheTarget(path, uri.getRawQuery());
            if (inner != null) {
                return canonical(inner, 1);
            }
        }
        for (String prefix : HOST_PREFIXES) {
            if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                host = host.substring(prefix.length());
                break;
            }
        }
        path = canonicalPath(path);
        String query = canonicalQuery(uri.getRawQuery());
        return host + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // Non-ASCII host names are not "server-based" for java.net.URI; read them from the authority.
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return null;
            }
            int at = authority.lastIndexOf('@');
            host = authority.substring(at + 1);
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(']') < colon) {
                host = host.substring(0, colon);
            }
            host = decode(host, false);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // keep the host as written
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** {@code /c/s/example.com/path} (s = https) or {@code /v/s/...}: the page the AMP cache serves. */
    private static String ampCacheTarget(String path, String query) {
        String[] parts = path.split("/", 5);
        // "", "c"|"v"|"i", optional "s", host, rest
        int i = 1;
        if (parts.length < 3 || !(parts[i].equals("c") || parts[i].equals("v") || parts[i].equals("i"))) {
            return null;
        }
        i++;
        boolean https = false;
        if (parts[i].equals("s")) {
            https = true;
            i++;
        }
        if (i >= parts.length) {
            return null;
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        return (https ? "https://" : "http://") + rest + (query == null ? "" : "?" + query);
    }

    private static String canonicalPath(String raw) {
        String path = decode(raw, true).replaceAll("/{2,}", "/");
        if (path.startsWith("/amp/")) {
            path = path.substring(4);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : new String[] {"/amp", "/", ".amp.html", ".amp"}) {
                if (path.endsWith(suffix) && path.length() > suffix.length() - 1) {
                    path = path.substring(0, path.length() - suffix.length())
                            + (suffix.startsWith(".amp.") ? ".html" : "");
                    changed = true;
                }
            }
        }
        path = path.replaceFirst("/index\\.(html?|php|aspx?|jsp)$", "");
        return path;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = decode(pair.split("=", 2)[0], false).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || name.startsWith("at_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(decode(pair, true));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /**
     * Decodes percent-escapes that stand for unreserved ASCII or for UTF-8 text; when {@code keepReserved},
     * escapes of reserved characters (/ ? # & = + and the like) stay escaped, in upper case, because decoding
     * them would change the URL's meaning.
     */
    static String decode(String s, boolean keepReserved) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1))
                    && isHex(s.charAt(i + 2))) {
                int b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (b < 0x80) {
                    flush(bytes, out);
                    if (keepReserved && !isUnreserved((char) b)) {
                        out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                    } else {
                        out.append((char) b);
                    }
                } else {
                    bytes.write(b);
                }
                i += 3;
            } else {
                flush(bytes, out);
                out.append(c);
                i++;
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** Escapes the characters java.net.URI rejects but that crawlers do meet in URLs (spaces, |, quotes, …). */
    private static String escapeIllegal(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        int authority = url.indexOf("://");
        int pathStart = authority < 0 ? 0 : url.indexOf('/', authority + 3);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean bracketInPath = (c == '[' || c == ']') && pathStart >= 0 && i > pathStart;
            if (c == ' ' || c == '|' || c == '"' || c == '<' || c == '>' || c == '{' || c == '}' || c == '^'
                    || c == '`' || c == '\\' || bracketInPath) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else if (c == '%' && (i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2)))) {
                out.append("%25");
            } else if (Character.isISOControl(c)) {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
