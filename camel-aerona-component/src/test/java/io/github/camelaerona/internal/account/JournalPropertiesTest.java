package io.github.camelaerona.internal.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The budget journal's rules as properties over random windows, clocks and damage: what a JVM wrote, the next one
 * reads back as the slots still held, never one held longer than callTimeout plus the period from its reading, and
 * a last line cut short at any length counts as a slot held that long, never as free.
 */
class JournalPropertiesTest {

    private static final long NOW = 1_781_690_400_000L; // 2026-06-17T10:00:00Z
    private static final Duration MOST_AHEAD = Duration.ofMinutes(17);

    @Property(tries = 300)
    void whatIsWrittenIsReadBackAsTheSlotsStillHeldCappedAtTheMostAhead(
            @ForAll @Size(max = 40) List<@LongRange(min = -1_200_000, max = 2_400_000) Long> offsets,
            @ForAll @LongRange(min = 0, max = 1_800_000) long readLater) throws IOException {
        Path dir = Files.createTempDirectory("journal-property");
        try {
            BudgetJournal journal = new BudgetJournal(dir.resolve("budget"));
            List<Long> window = offsets.stream().map(o -> NOW + o).toList();
            journal.write(window);
            long readAt = NOW + readLater;
            List<Long> expected = new ArrayList<>();
            for (long freeAt : window) {
                if (freeAt > readAt) {
                    expected.add(Math.min(freeAt, readAt + MOST_AHEAD.toMillis()));
                }
            }
            expected.sort(null);
            assertEquals(expected, new BudgetJournal(dir.resolve("budget")).load(readAt, MOST_AHEAD));
        } finally {
            deleteAll(dir);
        }
    }

    @Property(tries = 300)
    void aLastLineCutShortAtAnyLengthCountsAsAHeldSlot(
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 1, max = 600_000) Long> offsets,
            @ForAll @IntRange(min = 1, max = 12) int keptDigits) throws IOException {
        Path dir = Files.createTempDirectory("journal-property");
        try {
            Path file = dir.resolve("budget");
            BudgetJournal journal = new BudgetJournal(file);
            List<Long> window = offsets.stream().map(o -> NOW + o).sorted().toList();
            journal.write(window);
            String text = Files.readString(file);
            String cut = text.substring(0, text.length() - 1 - (13 - keptDigits)); // the last time keeps some digits
            Files.writeString(file, cut);
            List<Long> read = new BudgetJournal(file).load(NOW, MOST_AHEAD);
            assertEquals(window.size(), read.size(), "every slot still counts: " + cut);
            assertEquals(NOW + MOST_AHEAD.toMillis(), (long) read.get(read.size() - 1),
                    "the cut one is held for the most ahead: " + cut);
        } finally {
            deleteAll(dir);
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
