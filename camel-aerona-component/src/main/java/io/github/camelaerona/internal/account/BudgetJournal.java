package io.github.camelaerona.internal.account;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget's window in a file (option {@code budgetJournal}), so that a JVM that starts again resumes the window
 * its predecessor used instead of a fresh one: one line per held slot, the time (epoch milliseconds) at which it is
 * free again. Nothing else is written, never a secret.
 * <ul>
 * <li>Each change replaces the file whole: written to {@code <file>.next}, created anew (a link planted there is
 * removed, never followed), then moved over the file, so a crash leaves the old window or the new one.</li>
 * <li>One process at a time: the journal is locked ({@code <file>.lock}) while its account is open, and a second
 * process fails at startup naming the file.</li>
 * <li>A file is not trusted beyond what the budget could have written: a time further ahead than
 * {@code callTimeout + rateLimitPeriod} is capped there, and a line that is not a plausible time (a last line cut
 * short, say) counts as a slot held for that long; both with a warning naming the file.</li>
 * </ul>
 */
final class BudgetJournal {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetJournal.class);
    private static final String HEADER = "# aerona budget journal: when each slot of the current window is free again"
            + " (epoch ms)";
    /** 2001-09-09: no budget of this component ever wrote an earlier time; a shorter number was cut short. */
    private static final long PLAUSIBLE_FROM = 1_000_000_000_000L;

    private final Path file;
    private final Path next;
    private final Path lockFile;
    /** The locks this JVM holds, by journal: an OS resource, shared by the accounts of one key. */
    private static final Map<Path, Held> LOCKS = new HashMap<>();
    private boolean locked;
    private boolean failing;

    BudgetJournal(Path file) {
        this.file = file.toAbsolutePath();
        this.next = this.file.resolveSibling(this.file.getFileName() + ".next");
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    /**
     * Takes the journal for this process, or fails naming the file when another process has it. Within one JVM an
     * account of one key opened again (with other settings, while the old one drains) shares the lock.
     *
     * @throws IllegalStateException when another process uses the journal
     */
    void lock() {
        synchronized (LOCKS) {
            Held held = LOCKS.get(file);
            if (held == null) {
                held = Held.take(file, lockFile);
                LOCKS.put(file, held);
            }
            held.users++;
            locked = true;
        }
    }

    /** Lets go of the journal (its account closed). */
    void unlock() {
        synchronized (LOCKS) {
            Held held = LOCKS.get(file);
            if (!locked || held == null) {
                return;
            }
            locked = false;
            if (--held.users == 0) {
                LOCKS.remove(file);
                held.release();
            }
        }
    }

    /** A journal's lock held by this JVM, and how many accounts use it (one key's, old and new). */
    private static final class Held {
        private final FileChannel channel;
        private final FileLock lock;
        private int users;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static Held take(Path file, Path lockFile) {
            FileChannel channel = null;
            FileLock lock;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new IllegalStateException("The Aerona budget journal " + file + " cannot be locked (" + e + ")", e);
            }
            if (lock == null) {
                closeQuietly(channel);
                throw new IllegalStateException("The Aerona budget journal " + file + " is in use by another process"
                        + " (its lock " + lockFile.getFileName() + " is held): one process at a time may use a journal;"
                        + " processes that run at the same time share a budget through budgetDataSource instead");
            }
            return new Held(channel, lock);
        }

        void release() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // and with the process
                }
            }
        }
    }

    /**
     * The slots still held at {@code nowMillis}, as the last JVM left them; none when there is no journal yet.
     *
     * @param mostAhead how far ahead a slot can be held at most: {@code callTimeout + rateLimitPeriod}
     */
    List<Long> load(long nowMillis, Duration mostAhead) {
        List<Long> held = new ArrayList<>();
        if (!Files.exists(file)) {
            return held;
        }
        long cap = nowMillis + mostAhead.toMillis();
        int capped = 0;
        int implausible = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String value = line.strip();
                if (value.isEmpty() || value.startsWith("#")) {
                    continue;
                }
                long freeAt = Long.parseLong(value);
                if (freeAt < PLAUSIBLE_FROM) {
                    implausible++;
                    held.add(cap);
                } else if (freeAt > cap) {
                    capped++;
                    held.add(cap);
                } else if (freeAt > nowMillis) {
                    held.add(freeAt);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a window that cannot be read cannot be trusted to be empty either: say so loudly
            throw new IllegalStateException("The Aerona budget journal " + file + " cannot be read (" + e
                    + "); remove it only when no request was sent on its account for the last rateLimitPeriod", e);
        }
        if (capped > 0) {
            LOG.warn("The Aerona budget journal {} holds {} slots further ahead than callTimeout plus rateLimitPeriod"
                    + " ({}) from now, more than this budget can write (a clock that was ahead, an edited file); they"
                    + " count as held for that long", file, capped, mostAhead);
        }
        if (implausible > 0) {
            LOG.warn("The Aerona budget journal {} has {} lines that are no time this budget wrote (a line cut short);"
                    + " each counts as a slot held for callTimeout plus rateLimitPeriod ({})", file, implausible,
                    mostAhead);
        }
        held.sort(null);
        return held;
    }

    void write(List<Long> freeAtMillis) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (long freeAt : freeAtMillis) {
            text.append(freeAt).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(next); // a link planted there goes, its target untouched
            Files.write(next, text.toString().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            failing = false;
        } catch (IOException e) {
            // the calls go on (the budget in this JVM still holds); only a restart would lose the window
            if (!failing) {
                LOG.warn("Cannot write the Aerona budget journal {}: {}; a JVM started now would not know this window",
                        file, e.toString());
            }
            failing = true;
        }
    }

    Path file() {
        return file;
    }
}
