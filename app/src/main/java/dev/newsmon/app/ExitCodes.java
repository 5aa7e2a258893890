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
            err.println("newsmon: " + oneLine(ex.getMessage()) + suggestions(ex) + " (see " + helpCommand(cmd) + ")");
            err.flush();
            return USAGE;
        }

        /** picocli's close matches of a mistyped command or option, on the same line. */
        static String suggestions(ParameterException ex) {
            if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) {
                return "";
            }
            java.util.List<String> close = unmatched.getSuggestions();
            if (close == null || close.isEmpty()) {
                return "";
            }
            return "; did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size()))) + "?";
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

    /**
     * The message of a failure and of its causes that add something (Kafka wraps the reason: "Failed to create new
     * KafkaAdminClient" alone would hide "No resolvable bootstrap urls").
     */
    static String message(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            String msg = c.getMessage();
            if (msg == null || msg.isBlank() || out.indexOf(msg.strip()) >= 0) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ": ").append(msg.strip());
            if (c instanceof UsageException || c instanceof ClusterCheck.UnreachableCluster) {
                break;
            }
        }
        return out.length() == 0 ? t.getClass().getSimpleName() : out.toString();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
