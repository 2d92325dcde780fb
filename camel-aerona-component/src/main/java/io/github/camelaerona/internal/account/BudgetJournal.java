package io.github.camelaerona.internal.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget's window in a file (option {@code budgetJournal}), so that a JVM that starts again resumes the window
 * its predecessor used instead of a fresh one: one line per held slot, the time (epoch milliseconds) at which it is
 * free again. Nothing else is written, never a secret. Each change replaces the file whole (written beside it,
 * then moved), so a crash leaves the old window or the new one, never half of one.
 */
final class BudgetJournal {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetJournal.class);
    private static final String HEADER = "# aerona budget journal: when each slot of the current window is free again"
            + " (epoch ms)";

    private final Path file;
    private final Path next;
    private boolean failing;

    BudgetJournal(Path file) {
        this.file = file.toAbsolutePath();
        this.next = this.file.resolveSibling(this.file.getFileName() + ".next");
    }

    /** The slots still held at {@code nowMillis}, as the last JVM left them; none when there is no journal yet. */
    List<Long> load(long nowMillis) {
        List<Long> held = new ArrayList<>();
        if (!Files.exists(file)) {
            return held;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String value = line.strip();
                if (value.isEmpty() || value.startsWith("#")) {
                    continue;
                }
                long freeAt = Long.parseLong(value);
                if (freeAt > nowMillis) {
                    held.add(freeAt);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a window that cannot be read cannot be trusted to be empty either: say so loudly
            throw new IllegalStateException("The Aerona budget journal " + file + " cannot be read (" + e
                    + "); remove it only when no request was sent on its account for the last rateLimitPeriod", e);
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
            Files.writeString(next, text, StandardCharsets.US_ASCII);
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
