package dev.newsmon.app;

import dev.newsmon.producers.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a publishing run: a live bar with rate and ETA on a terminal, a log line every 10 s otherwise
 * (so logs of long replays in containers show progress without flooding).
 */
final class ProgressPrinter implements ProgressListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressPrinter.class);
    private static final int WIDTH = 30;

    private final String label;
    private final PrintWriter terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long lastDone;

    /** @param terminal where to draw the bar, or null to log instead */
    ProgressPrinter(String label, PrintWriter terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    static ProgressPrinter forConsole(String label, PrintWriter err) {
        return new ProgressPrinter(label, System.console() != null ? err : null);
    }

    @Override
    public void onProgress(long done, long total) {
        lastDone = done;
        long now = System.nanoTime();
        long every = terminal != null ? 200_000_000L : 10_000_000_000L;
        if (now - lastPrint < every && done != total) {
            return;
        }
        lastPrint = now;
        String line = line(done, total, (now - start) / 1e9);
        if (terminal != null) {
            terminal.print("\r" + line + "\u001B[K");
            terminal.flush();
        } else {
            LOG.info("{}", line);
        }
    }

    /** Ends the bar line. */
    void finish() {
        if (terminal != null && lastPrint != 0) {
            terminal.print("\r" + line(lastDone, lastDone, (System.nanoTime() - start) / 1e9) + "\u001B[K\n");
            terminal.flush();
        }
    }

    String line(long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% %d/%d", 100 * done / total, done, total));
            if (rate > 0 && done < total) {
                long eta = (long) ((total - done) / rate);
                s.append(String.format(Locale.ROOT, " ETA %d:%02d", eta / 60, eta % 60));
            }
        } else {
            s.append(done).append(" records");
        }
        s.append(String.format(Locale.ROOT, " %.0f/s", rate));
        return s.toString();
    }
}
