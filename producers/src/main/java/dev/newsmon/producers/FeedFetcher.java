package dev.newsmon.producers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Downloads feed documents over http(s): connect and overall timeouts, redirects (never from https to http), a
 * body size limit enforced while downloading, a User-Agent, and conditional requests (ETag / Last-Modified) so a
 * watcher does not re-download an unchanged feed.
 */
final class FeedFetcher {

    /** The outcome of one download; failures carry a sentence a person understands. */
    sealed interface Result {
        record Fetched(byte[] body, String etag, String lastModified) implements Result {
        }

        record NotModified() implements Result {
        }

        record Failed(String error) implements Result {
        }
    }

    private final HttpClient client;
    private final ReaderOptions options;

    FeedFetcher(ReaderOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Result fetch(String url, String etag, String lastModified) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Result.Failed("The feed URL is not valid: " + e.getMessage());
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(options.fetchTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
                .GET();
        if (etag != null) {
            req.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            req.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(req.build(), info -> {
                if (info.statusCode() / 100 != 2) {
                    return BodySubscribers.replacing(null);
                }
                return new LimitedBody(options.maxFeedBytes());
            });
        } catch (IllegalArgumentException e) {
            return new Result.Failed("The feed URL cannot be fetched: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> resp = future.get(options.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = resp.statusCode();
            if (status == 304) {
                return new Result.NotModified();
            }
            if (status / 100 != 2) {
                return new Result.Failed("The feed URL answered HTTP " + status + " (" + reason(status) + ")");
            }
            return new Result.Fetched(resp.body(), resp.headers().firstValue("ETag").orElse(null),
                    resp.headers().firstValue("Last-Modified").orElse(null));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Result.Failed("The feed could not be fetched within " + seconds(options.fetchTimeout()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Result.Failed("Fetching the feed was interrupted");
        } catch (ExecutionException e) {
            return new Result.Failed(describe(e.getCause()));
        }
    }

    private String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LimitedInputStream.LimitExceededException) {
                return c.getMessage();
            }
            if (c instanceof HttpTimeoutException) {
                return "The feed could not be fetched within " + seconds(options.fetchTimeout());
            }
            if (c instanceof SSLException) {
                return "The feed could not be fetched: TLS error (" + c.getMessage() + ")";
            }
            if (c instanceof ConnectException) {
                String m = c.getMessage();
                return "The feed could not be fetched: cannot connect"
                        + (m == null || m.isBlank() ? "" : " (" + m + ")");
            }
        }
        String m = t.getMessage();
        return "The feed could not be fetched: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401, 403 -> "access denied";
            case 404 -> "not found";
            case 410 -> "gone";
            case 429 -> "too many requests";
            default -> status >= 500 ? "server error" : status >= 300 ? "redirect not followed" : "unexpected status";
        };
    }

    /** Collects the body and cancels the download as soon as it exceeds the limit. */
    private static final class LimitedBody implements BodySubscriber<byte[]> {
        private final long limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new LimitedInputStream.LimitExceededException(
                            "The feed is larger than the " + Bytes.mib(limit) + " limit; it was not read"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t instanceof IOException ? t : new IOException(t));
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
