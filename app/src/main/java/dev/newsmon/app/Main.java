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

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NewsmonCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new ExitCodes.ArgumentErrorHandler());
        cli.setExecutionExceptionHandler(new ExitCodes.FailureHandler());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        return cli;
    }
}
