package dev.newsmon.app;

import java.util.concurrent.CountDownLatch;

/**
 * Ctrl-C / SIGTERM for long-running commands: the hook only signals; the command's own thread closes everything
 * in order, and the hook waits for that so the JVM does not exit half-way through a clean shutdown.
 */
final class ShutdownSignal implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    ShutdownSignal() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                done.await(java.util.concurrent.TimeUnit.SECONDS.toMillis(45), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsmon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void await() throws InterruptedException {
        requested.await();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Call when everything is closed. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and waits for done
        }
    }
}
