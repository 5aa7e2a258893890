package dev.newsmon.app;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.tagging.GazetteerEntity;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Looks up the built-in gazetteer (the entities that 'watchlist add ID' can track by id). "
                + "Needs no Kafka.",
        subcommands = {EntitiesCommand.Search.class, EntitiesCommand.ListAll.class})
final class EntitiesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "search or list is required");
    }

    /** Options of both subcommands. */
    static final class Output {
        @Option(names = "--type", paramLabel = "PERSON|ORG|PLACE", description = "Only entities of this type.")
        EntityType type;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
                description = "text (id, type, English / Arabic name) or json (one entity per line). "
                        + "Default: ${DEFAULT-VALUE}.")
        AlertFormatter.Format format;

        void print(List<GazetteerEntity> entities, PrintWriter out) {
            for (GazetteerEntity e : entities) {
                if (format == AlertFormatter.Format.JSON) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", e.id());
                    json.put("type", e.type());
                    json.put("nameEn", e.nameEn());
                    json.put("nameAr", e.nameAr());
                    out.println(Json.write(json));
                } else {
                    out.println(EntityDirectory.describe(e));
                }
            }
            out.flush();
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Entities with a name or id that contains TEXT, Arabic or Latin, compared after Arabic "
                    + "normalization (hamza and alef forms, ta marbuta, harakat, the spellings the gazetteer lists): "
                    + "'فاجنر', 'wagner' and 'Wagner Group' all find wagner-group. Exit 1 when nothing matches.")
    static final class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "A name or part of one.")
        List<String> text;

        @picocli.CommandLine.Mixin
        Output output;

        @Override
        public Integer call() {
            List<GazetteerEntity> found = EntityDirectory.builtIn().search(String.join(" ", text), output.type);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("entities: no entity has a name or id containing \""
                        + String.join(" ", text) + "\"");
                return ExitCodes.FAILURE;
            }
            output.print(found, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every entity of the built-in gazetteer, "
            + "by id.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Output output;

        @Override
        public Integer call() {
            output.print(EntityDirectory.builtIn().all(output.type), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
