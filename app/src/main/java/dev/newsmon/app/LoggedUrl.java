package dev.newsmon.app;

import java.net.URI;

/**
 * A URL as it may appear in logs and messages: scheme, host and port only. Webhook URLs often carry their secret in
 * the path or query (chat hooks, signed URLs) or in user info.
 */
final class LoggedUrl {

    private LoggedUrl() {
    }

    static String of(URI url) {
        if (url == null) {
            return "(none)";
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
        String host = url.getHost() == null ? "(no host)" : url.getHost();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath();
        boolean hidden = path != null && !path.isEmpty() && !path.equals("/") || url.getRawQuery() != null
                || url.getRawFragment() != null;
        return scheme + host + port + (hidden ? "/…" : "/");
    }
}
