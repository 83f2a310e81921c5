package io.runplan.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C during a long command: {@code onInterrupt} runs (stop the search), and the JVM waits, up to two minutes, for
 * the command's work to finish what it writes (the best plan so far, the summary) before it exits.
 */
final class CtrlC {

    private CtrlC() {
    }

    static <T> T whileRunning(Runnable onInterrupt, Supplier<T> work) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            onInterrupt.run();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "runplan-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping (Ctrl-C): the hook is running and has just been released
            }
        }
    }
}
