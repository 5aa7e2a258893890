package dev.newsmon.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "newsmon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "News monitor on Apache Kafka: drops syndicated copies, tags actors in Arabic and English "
                + "news, and alerts when a new article mentions a tracked entity.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ReplayCommand.class,
                AlertsCommand.class, RejectedCommand.class, WatchlistCommand.class,
                EntitiesCommand.class, HealthCommand.class, ScanCommand.class, BenchCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Every command takes --bootstrap-servers (default: the embedded broker).",
                "Options of a command: ./newsmon COMMAND --help"})
final class NewsmonCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
