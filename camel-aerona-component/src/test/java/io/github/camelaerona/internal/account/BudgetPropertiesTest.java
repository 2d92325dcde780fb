package io.github.camelaerona.internal.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.api.AeronaRateLimiter.Permit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-JVM budget's rules as properties over random sequences of calls, releases and clock moves, on a clock the
 * test moves ({@link ManualTimer}): thousands of sequences in seconds, and a failing one shrunk by jqwik to a short
 * sequence that it prints with its seed.
 * <ul>
 * <li>never more slots held than the limit (a slot is held from its grant to a period after its release);</li>
 * <li>background never holds more than {@code limit - reserve};</li>
 * <li>higher priorities first and arrival order within one, until a caller has waited a period; then it goes ahead
 * of every caller that came after it (interactive callers aside while it leaves the reserve);</li>
 * <li>a wait fails no earlier than its {@code maxWait}, and every caller still waiting is granted once the callers
 * before it release their slots (no lost wake-up).</li>
 * </ul>
 */
class BudgetPropertiesTest {

    private static final Duration PERIOD = Duration.ofSeconds(60);
    private static final long P = PERIOD.toNanos();
    private static final java.util.concurrent.atomic.AtomicLong GRANTS = new java.util.concurrent.atomic.AtomicLong();

    sealed interface Step {
    }

    /** A call asks for a slot, waiting at most {@code maxWaitPeriods} periods (tenths). */
    record Call(AeronaPriority priority, int maxWaitTenths) implements Step {
    }

    /** The n-th (modulo) granted, unreleased call gets its response. */
    record Release(int n) implements Step {
    }

    /** The clock moves on by this many milliseconds. */
    record Advance(int millis) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> call = Combinators.combine(Arbitraries.of(AeronaPriority.class),
                Arbitraries.integers().between(1, 40)).as(Call::new);
        Arbitrary<Step> release = Arbitraries.integers().between(0, 50).map(Release::new);
        Arbitrary<Step> advance = Arbitraries.integers().between(1, (int) PERIOD.toMillis() * 3 / 2).map(Advance::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, call), net.jqwik.api.Tuple.of(3, release), net.jqwik.api.Tuple.of(2, advance))
                .list().ofMinSize(1).ofMaxSize(80);
    }

    /** What happened to one call: times on the manual clock; -1 while it has not happened. */
    static final class History {
        final AeronaPriority priority;
        final long arrived;
        final long maxWait;
        final CompletableFuture<Permit> future;
        long granted = -1;
        long failed = -1;
        long released = -1;
        /** The order of grants, for grants at one instant. */
        long grantSeq = -1;

        History(AeronaPriority priority, long arrived, long maxWait, CompletableFuture<Permit> future) {
            this.priority = priority;
            this.arrived = arrived;
            this.maxWait = maxWait;
            this.future = future;
        }

        /** Until when it waited: its grant, its failure, or for ever. */
        long waitedUntil() {
            return granted >= 0 ? granted : failed >= 0 ? failed : Long.MAX_VALUE;
        }
    }

    @Property(tries = 2000)
    void theBudgetKeepsItsRulesWhateverTheCallsAndTheClockDo(@ForAll("steps") @Size(min = 1, max = 80) List<Step> steps,
            @ForAll @IntRange(min = 1, max = 6) int limit, @ForAll @IntRange(min = 0, max = 3) int reserve) {
        ManualTimer timer = new ManualTimer();
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter("property", limit, PERIOD, reserve, timer,
                timer::nanoTime);
        List<History> calls = new ArrayList<>();
        for (Step step : steps) {
            run(step, limiter, timer, calls);
        }
        // the rest of the day: every response arrives, the clock moves, until nobody waits
        for (int round = 0; round < steps.size() + 4 && calls.stream().anyMatch(c -> c.released < 0 && c.failed < 0); round++) {
            calls.stream().filter(c -> c.granted >= 0 && c.released < 0).forEach(c -> release(c, timer));
            timer.advance(PERIOD.multipliedBy(2));
        }

        String story = "limit " + limit + ", reserve " + reserve + ", steps " + steps;
        for (History c : calls) {
            assertTrue(c.granted >= 0 || c.failed >= 0, "every caller is granted or gives up: " + story);
            assertTrue(c.failed < 0 || c.failed - c.arrived >= c.maxWait, "no wait fails before maxWait: " + story);
        }
        int backgroundMost = limit - Math.min(reserve, limit - 1);
        for (History c : calls) {
            if (c.granted < 0) {
                continue;
            }
            int held = 0;
            int background = 0;
            for (History other : calls) {
                if (other.granted >= 0 && other.granted <= c.granted && c.granted < other.released + P) {
                    held++;
                    background += other.priority == AeronaPriority.BACKGROUND ? 1 : 0;
                }
            }
            assertTrue(held <= limit, "at most " + limit + " slots held, " + held + " at " + c.granted + ": " + story);
            assertTrue(c.priority != AeronaPriority.BACKGROUND || background <= backgroundMost,
                    "background holds at most " + backgroundMost + ": " + story);
        }
        for (History w : calls) {
            for (History x : calls) {
                if (x == w || x.granted < 0 || x.arrived <= w.arrived || x.granted >= w.waitedUntil()) {
                    continue;
                }
                // x came after w and was granted while w still waited
                boolean aged = x.granted - w.arrived >= P;
                if (aged) {
                    boolean reserveAside = w.priority == AeronaPriority.BACKGROUND
                            && x.priority != AeronaPriority.BACKGROUND && !backgroundCouldTake(x, calls, limit, reserve);
                    assertTrue(reserveAside, "a caller that waited a period goes ahead of later ones (" + w.priority
                            + " passed by " + x.priority + "): " + story);
                } else {
                    assertTrue(x.priority.ordinal() < w.priority.ordinal(),
                            "higher priorities first, arrival order within one (" + w.priority + " passed by "
                                    + x.priority + "): " + story);
                }
            }
        }
    }

    /** Whether a background call could have taken a slot just before x was granted: one free beyond the reserve. */
    private static boolean backgroundCouldTake(History x, List<History> calls, int limit, int reserve) {
        int held = 0;
        int foreground = 0;
        for (History other : calls) {
            if (other != x && other.grantSeq >= 0 && other.grantSeq < x.grantSeq
                    && (other.released < 0 || other.released + P > x.granted)) {
                held++;
                foreground += other.priority == AeronaPriority.BACKGROUND ? 0 : 1;
            }
        }
        return limit - held - PriorityWaiters.keptFromBackground(reserve, limit, foreground) >= 1;
    }

    private static void run(Step step, SlidingWindowRateLimiter limiter, ManualTimer timer, List<History> calls) {
        if (step instanceof Call call) {
            long maxWait = P * call.maxWaitTenths() / 10;
            CompletableFuture<Permit> future = limiter.acquire(Duration.ofNanos(maxWait), call.priority());
            History history = new History(call.priority(), timer.nanoTime(), maxWait, future);
            future.whenComplete((permit, failure) -> {
                if (failure == null) {
                    history.granted = timer.nanoTime();
                    history.grantSeq = GRANTS.incrementAndGet();
                } else {
                    history.failed = timer.nanoTime();
                }
            });
            calls.add(history);
        } else if (step instanceof Release release) {
            List<History> held = calls.stream().filter(c -> c.granted >= 0 && c.released < 0).toList();
            if (!held.isEmpty()) {
                release(held.get(release.n() % held.size()), timer);
            }
        } else if (step instanceof Advance advance) {
            timer.advance(Duration.ofMillis(advance.millis()));
        }
    }

    private static void release(History call, ManualTimer timer) {
        call.released = timer.nanoTime();
        call.future.join().release();
    }
}
