package dev.newsmon.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Maps failures to the contract's exit codes and one-line messages; stack traces only with --verbose. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof UsageException || t instanceof ParameterException ? USAGE : FAILURE;
    }

    /** An argument that parses but cannot be used (a missing file, an invalid watchlist, …): exit 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class ArgumentErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("newsmon: " + oneLine(ex.getMessage()) + " (see " + helpCommand(cmd) + ")");
            err.flush();
            return USAGE;
        }

        private static String helpCommand(CommandLine cmd) {
            return "./" + cmd.getCommandSpec().qualifiedName() + " --help";
        }
    }

    static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            boolean verbose = Verbosity.isVerbose(parseResult);
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.println("newsmon: " + oneLine(message(ex)));
            err.flush();
            return forException(ex);
        }
    }

    static String message(Throwable t) {
        Throwable root = t;
        String msg = t.getMessage();
        while ((msg == null || msg.isBlank()) && root.getCause() != null) {
            root = root.getCause();
            msg = root.getMessage();
        }
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
