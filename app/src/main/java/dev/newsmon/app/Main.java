package dev.newsmon.app;

import picocli.CommandLine;

/** {@code ./newsmon}: exit 0 on success, 2 for unusable arguments, 1 for any other failure. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Stands in for the CLI when the config file itself is unusable: exit 2 without running anything. */
    @picocli.CommandLine.Command(name = "newsmon")
    private static final class FailingCommand implements java.util.concurrent.Callable<Integer> {
        private final RuntimeException problem;

        FailingCommand(RuntimeException problem) {
            this.problem = problem;
        }

        @Override
        public Integer call() {
            return ExitCodes.USAGE;
        }

        @picocli.CommandLine.Unmatched
        java.util.List<String> ignored;
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** Long option names (without dashes) of every command: what a config file or NEWSMON_* variable may set. */
    static java.util.Set<String> optionNames(CommandLine cli) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        collect(cli, names);
        return names;
    }

    private static void collect(CommandLine cli, java.util.Set<String> names) {
        for (picocli.CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
            if (o.longestName().startsWith("--")) {
                names.add(o.longestName().substring(2));
            }
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    /** The CLI, with defaults from the environment and the config file named in {@code args} (if any). */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new NewsmonCommand());
        try {
            Settings settings = Settings.forArgs(args, System.getenv());
            for (String warning : settings.check(optionNames(cli))) {
                cli.getErr().println("newsmon: " + warning);
            }
            cli.getErr().flush();
            cli.setDefaultValueProvider(settings);
            KafkaOptions.settings = settings;
        } catch (ExitCodes.UsageException e) {
            cli.getErr().println("newsmon: " + e.getMessage());
            cli.getErr().flush();
            cli = new CommandLine(new FailingCommand(e));
        }
        HelpLayout.apply(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new ExitCodes.ArgumentErrorHandler());
        cli.setExecutionExceptionHandler(new ExitCodes.FailureHandler());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        return cli;
    }
}
