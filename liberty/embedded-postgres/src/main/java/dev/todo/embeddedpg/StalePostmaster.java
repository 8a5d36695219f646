package dev.todo.embeddedpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * After the server was killed without its shutdown hook ({@code kill -9}), the PostgreSQL it started keeps running
 * and holds the data directory. This finds that postmaster through its {@code postmaster.pid} and stops it, so the
 * next start can take the directory over.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class.getName());

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !looksLikePostgres(process.get())) {
            return;
        }
        LOG.warning(() -> "Stopping stale PostgreSQL (pid " + pid + ") left running in " + dataDirectory
                + " by an earlier server that did not shut down cleanly");
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        if (!awaitExit(postmaster, 15)) {
            postmaster.destroyForcibly();
            awaitExit(postmaster, 5);
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.contains("postgres"))
                .orElse(true);
    }

    private static boolean awaitExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
