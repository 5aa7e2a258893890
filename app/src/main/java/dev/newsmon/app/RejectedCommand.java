package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rejected", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Prints the inputs that could not become articles (the rejected topic): where each came from "
                + "(file:line, URL, topic/partition/offset), the reason, and the article id when one could be read.",
                "Without --follow: every rejection now in the topic, in input order, then exits. With --follow: keeps "
                        + "printing new ones as they arrive (add --from-beginning to print the existing ones first)."})
final class RejectedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (one line per rejection, for people) or json (the record as it is in the topic, one "
                    + "per line, with the raw input). Default: ${DEFAULT-VALUE}.")
    AlertFormatter.Format format;

    @Option(names = {"-f", "--follow"}, description = "Keep running and print new rejections as they arrive.")
    boolean follow;

    @Option(names = "--from-beginning", description = "With --follow: print the rejections already in the topic first.")
    boolean fromBeginning;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Verbosity.apply(kafka.verbose, false);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            if (follow) {
                try (AlertFollower follower = new AlertFollower(conn.clientConfig(), kafka.topics().rejected(),
                        fromBeginning, this::line, out, r -> true)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(follower::close, "rejected-shutdown"));
                    follower.runHere();
                }
                return ExitCodes.OK;
            }
            List<JsonNode> rejections = new java.util.ArrayList<>(TopicSnapshot.read(conn.clientConfig(),
                    kafka.topics().rejected()));
            rejections.sort(ScanFiles.BY_ORIGIN);
            rejections.forEach(r -> out.println(line(r)));
            out.flush();
        }
        return ExitCodes.OK;
    }

    String line(JsonNode rejection) {
        if (format == AlertFormatter.Format.JSON) {
            return Json.write(rejection);
        }
        return text(rejection);
    }

    /** {@code REJECTED  feed.xml#3  invalid-json  the line is not valid JSON: … (id a-1)} */
    static String text(JsonNode r) {
        StringBuilder s = new StringBuilder("REJECTED  ");
        s.append(r.path("origin").asText("(origin unknown)"));
        if (r.hasNonNull("code")) {
            s.append("  ").append(r.get("code").asText());
        }
        s.append("  ").append(ExitCodes.oneLine(r.path("reason").asText("")));
        if (r.hasNonNull("id")) {
            s.append("  (id ").append(r.get("id").asText()).append(')');
        }
        return s.toString();
    }
}
