package dev.newsmon.core.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical form of an article URL, so that re-crawls and tracking variants of one page compare equal:
 * lower-case scheme and host, no {@code www.}, no default port, no fragment, no tracking parameters
 * (utm_*, fbclid, gclid, …), remaining parameters sorted, no trailing slash, AMP variants folded.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "_ga", "ocid", "smid", "at_medium", "at_campaign",
            "amp", "outputtype", "share", "from", "spm");

    private UrlCanonicalizer() {
    }

    public static Optional<String> canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || host == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.startsWith("amp.")) {
            host = host.substring(4);
        }
        if (host.endsWith(".cdn.ampproject.org")) {
            host = host.substring(0, host.length() - ".cdn.ampproject.org".length()).replace('-', '.');
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/{2,}", "/");
        for (String amp : List.of("/amp/", "/amp")) {
            if (path.endsWith(amp)) {
                path = path.substring(0, path.length() - amp.length());
            }
        }
        if (path.startsWith("/amp/")) {
            path = path.substring(4);
        }
        if (path.endsWith(".amp")) {
            path = path.substring(0, path.length() - 4);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = canonicalQuery(uri.getRawQuery());
        // Scheme is dropped on purpose: http and https copies of one page are the same article.
        return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
