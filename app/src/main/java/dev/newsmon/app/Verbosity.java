package dev.newsmon.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParseResult;

/** Log levels for the CLI: quiet by default (stdout is for results), INFO for services, DEBUG with --verbose. */
final class Verbosity {

    private Verbosity() {
    }

    static boolean isVerbose(ParseResult parseResult) {
        ParseResult r = parseResult;
        while (r != null) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    static void apply(boolean verbose, boolean service) {
        Logger newsmon = (Logger) LoggerFactory.getLogger("dev.newsmon");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (verbose) {
            newsmon.setLevel(Level.DEBUG);
            root.setLevel(Level.INFO);
        } else {
            newsmon.setLevel(service ? Level.INFO : Level.WARN);
        }
    }
}
