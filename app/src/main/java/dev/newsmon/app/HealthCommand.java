package dev.newsmon.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** For container healthchecks: the image has a JRE but no curl. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Asks a running 'newsmon run' (or demo) whether it is ready: GET /health/ready on its HTTP "
                + "port. Exit 0 when it answers 200 (the stream processor is RUNNING), 1 otherwise, with the reason "
                + "on one line. Meant for healthchecks (docker-compose.yml uses it)."})
final class HealthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where the service's HTTP API listens; a wildcard bind address (0.0.0.0) is asked on "
                    + "127.0.0.1. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "The service's HTTP port (env NEWSMON_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to wait for the answer. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        String target = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        URI uri = URI.create("http://" + (target.contains(":") && !target.startsWith("[") ? "[" + target + "]" : target)
                + ":" + port + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = ExitCodes.oneLine(response.body());
            if (response.statusCode() == 200) {
                spec.commandLine().getOut().println("ready: " + body);
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("newsmon: not ready: " + uri + " answered HTTP "
                    + response.statusCode() + (body.isEmpty() ? "" : ": " + body));
        } catch (IOException e) {
            spec.commandLine().getErr().println("newsmon: not ready: " + uri + " does not answer ("
                    + ClusterCheck.causes(e) + ")");
        }
        return ExitCodes.FAILURE;
    }
}
