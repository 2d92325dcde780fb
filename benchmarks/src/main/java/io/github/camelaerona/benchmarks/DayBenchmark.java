package io.github.camelaerona.benchmarks;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.AeronaEndpoint;
import io.github.camelaerona.model.AppointmentSlot;
import io.github.camelaerona.model.AppointmentType;
import io.github.camelaerona.model.Clinician;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.SandboxStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * A clinic's day, replayed from a fixed script against one account at 30 requests per 3 s (Aerona's 300 per 15
 * minutes, 300 times faster), once with the features that save requests (coalesceReads, referenceDataTtl=10m) and
 * once without, each on a fresh sandbox with the same seed and clock:
 * <ul>
 * <li>the booking page (interactive): every 3 s four patients of one practice book a check-up, each with the four
 * calls of the page (appointment types, clinicians, slots, create); two patients look at one clinician's slots and
 * book two that do not overlap, and all four have seen their slots before anyone books, so both runs book the same
 * appointments;</li>
 * <li>the front desk (normal): each booking confirmed (updateAppointmentStatus) and the patient's record read, and
 * a payment taken at the desk;</li>
 * <li>the payments and invoices pollers (background, every second);</li>
 * <li>the nightly invoice sync (background): the last fourteen days' invoices, a search per day.</li>
 * </ul>
 * Measured: requests per booking (the booking page's requests the sandbox saw, over the bookings), the bookings'
 * time (the four calls, p50 and p99), the background work done, invalidated tokens, and whether both runs created
 * the same appointments and delivered the same records.
 */
final class DayBenchmark {

    static final int LIMIT = 30;
    static final Duration PERIOD = Duration.ofSeconds(3);
    static final int BURSTS = 10;
    static final int PATIENTS = 4;
    static final int NIGHTLY_DAYS = 14;
    static final long CHECK_UP = 1864L;
    static final List<Long> PRACTICES = List.of(9876L, 9877L);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Monday morning in London: the same day, slots and records in every run, on any machine. */
    static final Instant START = Instant.parse("2026-06-15T08:00:00Z");
    static final Set<String> BOOKING_PAGE = Set.of("GET /appointment-types", "GET /clinicians",
            "GET /find-appointment-slots", "POST /appointments");

    /** What the booking page's replies said of themselves, and the polls skipped, over the whole day. */
    record Tally(AtomicInteger shared, AtomicInteger fromCache, AtomicInteger pollsSkipped) {
        Tally() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }
    }

    record Day(String label, double requestsPerBooking, int bookings, double p50, double p99,
            List<String> appointments, Set<Long> payments, Set<Long> invoices, int nightlyInvoices, int requests,
            Tally tally, SandboxStats stats, double seconds) {

        @Override
        public String toString() {
            return String.format("%s: %.2f requests per booking (%d bookings), booking p50 %.0f ms, p99 %.0f ms; %d"
                    + " requests in all, saved %d (shared %d, from cache %d), %d polls skipped; %d payments and %d"
                    + " invoices polled, %d invoices synced at night; max %d in a window, %d invalidated; %.1f s",
                    label, requestsPerBooking, bookings, p50, p99, requests, tally.shared().get()
                    + tally.fromCache().get(), tally.shared().get(), tally.fromCache().get(),
                    tally.pollsSkipped().get(), payments.size(), invoices.size(), nightlyInvoices,
                    stats.maxInWindow(), stats.invalidatedTokens(), seconds);
        }
    }

    Figure run() throws Exception {
        once("warm-up", "&coalesceReads=false"); // a JVM as warm for both runs: the first would pay for the JIT
        Day on = once("features on", "&coalesceReads=true&referenceDataTtl=10m");
        Day off = once("features off", "&coalesceReads=false");
        boolean sameResults = on.appointments().equals(off.appointments()) && on.payments().equals(off.payments())
                && on.invoices().equals(off.invoices()) && on.nightlyInvoices() == off.nightlyInvoices();
        double fewer = 1 - on.requestsPerBooking() / off.requestsPerBooking();
        boolean met = fewer >= 0.30 && sameResults && on.appointments().size() == BURSTS * PATIENTS
                && on.stats().invalidatedTokens() == 0 && off.stats().invalidatedTokens() == 0
                && on.stats().maxInWindow() <= LIMIT && off.stats().maxInWindow() <= LIMIT;
        return new Figure("A clinic's day (" + BURSTS * PATIENTS + " bookings, front desk, 2 pollers, nightly sync; "
                + LIMIT + " per " + PERIOD.toSeconds() + " s)",
                String.format("%.2f requests per booking with the features, %.2f without (%.0f%% fewer); booking p99"
                        + " %.0f ms vs %.0f ms; same results: %s", on.requestsPerBooking(), off.requestsPerBooking(),
                        fewer * 100, on.p99(), off.p99(), sameResults ? "yes" : "NO"),
                ">= 30% fewer requests per booking, the same appointments and records, 0 invalidated", met,
                on + "; " + off);
    }

    private Day once(String label, String features) throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.builder().rateLimit(LIMIT, PERIOD).startTime(START).start()) {
            LocalDate today = LocalDate.ofInstant(START, LONDON);
            LocalDate pollFrom = today.minusDays(7);
            Set<Long> payments = new ConcurrentSkipListSet<>();
            Set<Long> invoices = new ConcurrentSkipListSet<>();
            CamelContext context = Harness.context(sandbox, LIMIT, PERIOD.toMillis() + "ms", "10m", new RouteBuilder() {
                @Override
                public void configure() {
                    String page = "priority=interactive" + features;
                    from("direct:types").routeId("booking-page-types").to("aerona:getAppointmentTypes?" + page);
                    from("direct:clinicians").routeId("booking-page-clinicians").to("aerona:getClinicians?" + page);
                    from("direct:slots").routeId("booking-page-slots").to("aerona:findAppointmentSlots?timeOfDay=1&"
                            + page);
                    from("direct:book").routeId("booking-page-book").to("aerona:createAppointment?" + page);
                    String desk = "priority=normal" + features;
                    from("direct:confirm").routeId("front-desk-confirm")
                            .to("aerona:updateAppointmentStatus?appointmentStatusId=2&" + desk);
                    from("direct:patient").routeId("front-desk-patient").to("aerona:getPatient?" + desk);
                    from("direct:nightly").routeId("nightly-invoices").to("aerona:searchInvoices?priority=background"
                            + features);
                    String poll = "?initialFromDate=" + pollFrom + "&timeZone=Europe/London&delay=1000" + features;
                    from("aerona:searchPayments" + poll).routeId("payments-poller")
                            .process(e -> payments.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
                    from("aerona:searchInvoices" + poll).routeId("invoices-poller")
                            .process(e -> invoices.add(e.getMessage().getHeader(AeronaConstants.RECORD_ID, Long.class)));
                }
            });
            ProducerTemplate template = context.createProducerTemplate();
            Tally tally = new Tally();
            AeronaEndpoint poller = (AeronaEndpoint) context.getRoute("payments-poller").getEndpoint();
            // the account's figures cover the last window: read once a window, each skipped poll is counted once
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> tally.pollsSkipped().addAndGet(poller.budgetReport().pollsSkipped()),
                    PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            // the sandbox's 20 patients in turn: some book twice in the day
            List<Long> patients = sandbox.data().patients().stream().map(p -> (Long) p.get("id")).sorted().toList();
            List<String> appointments = new CopyOnWriteArrayList<>();
            List<Double> bookingMillis = new CopyOnWriteArrayList<>();
            ExecutorService browsers = Executors.newFixedThreadPool(PATIENTS);
            long started = System.nanoTime();
            long next = started;
            for (int burst = 0; burst < BURSTS; burst++) {
                long practice = PRACTICES.get(burst % PRACTICES.size());
                LocalDate searchStart = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(burst % 5);
                CyclicBarrier allSeeTheirSlots = new CyclicBarrier(PATIENTS);
                List<CompletableFuture<Void>> bookings = new ArrayList<>();
                for (int i = 0; i < PATIENTS; i++) {
                    int seat = i;
                    long patient = patients.get((burst * PATIENTS + i) % patients.size());
                    bookings.add(CompletableFuture.runAsync(() -> book(template, sandbox, practice, searchStart, seat,
                            patient, allSeeTheirSlots, appointments, bookingMillis, tally), browsers));
                }
                CompletableFuture.allOf(bookings.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
                next += PERIOD.toNanos();
                long pause = next - System.nanoTime();
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause); // the script's pace: a burst of patients every period
                }
            }
            browsers.shutdown();
            int nightly = 0;
            for (int d = 1; d <= NIGHTLY_DAYS; d++) {
                LocalDate day = today.minusDays(d);
                Map<String, Object> window = new LinkedHashMap<>();
                window.put(AeronaConstants.FROM_DATE, day);
                window.put(AeronaConstants.TO_DATE, day);
                nightly += template.requestBodyAndHeaders("direct:nightly", null, window, List.class).size();
            }
            Set<Long> expectedPayments = ids(sandbox.data().searchPayments(null, pollFrom, today));
            Set<Long> expectedInvoices = ids(sandbox.data().searchInvoices(null, pollFrom, today));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while ((!payments.containsAll(expectedPayments) || !invoices.containsAll(expectedInvoices))
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100); // the pollers catch up on their own schedule
            }
            sampler.shutdownNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            SandboxStats stats = sandbox.stats();
            List<RecordedRequest> seen = sandbox.apiRequests();
            long page = seen.stream().filter(r -> BOOKING_PAGE.contains(r.method() + " " + r.path())).count();
            context.stop();
            double[] sorted = bookingMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<String> booked = new ArrayList<>(appointments);
            booked.sort(Comparator.naturalOrder());
            return new Day(label, page / (double) Math.max(1, booked.size()), booked.size(),
                    Harness.percentile(sorted, 50), Harness.percentile(sorted, 99), booked, new TreeSet<>(payments), new TreeSet<>(invoices), nightly,
                    seen.size() + sandbox.logins().size(), tally, stats, seconds);
        }
    }

    /**
     * One patient on the booking page: the practice's appointment types and its clinicians for a check-up, the
     * slots of one clinician (two patients share each), then, once everyone of the burst has seen theirs, the
     * booking of their own slot; then the front desk confirms it, reads the patient and takes a payment.
     */
    private static void book(ProducerTemplate template, AeronaSandbox sandbox, long practice, LocalDate searchStart,
            int seat, long patient, CyclicBarrier allSeeTheirSlots, List<String> appointments, List<Double> millis,
            Tally tally) {
        try {
            long t0 = System.nanoTime();
            List<?> types = page(template, "direct:types", Map.of(AeronaConstants.PRACTICE_ID, practice), tally);
            AppointmentType checkUp = types.stream().map(AppointmentType.class::cast)
                    .filter(t -> t.getId() == CHECK_UP).findFirst().orElseThrow();
            Map<String, Object> which = new LinkedHashMap<>();
            which.put(AeronaConstants.PRACTICE_ID, practice);
            which.put(AeronaConstants.APPOINTMENT_TYPE_ID, checkUp.getId());
            List<Clinician> clinicians = page(template, "direct:clinicians", which, tally).stream().map(Clinician.class::cast).sorted(Comparator.comparing(Clinician::getId)).toList();
            // two seats a clinician; with fewer clinicians than pairs, a pair takes the next slots of the same one
            Clinician clinician = clinicians.get((seat / 2) % clinicians.size());
            int ordinal = seat % 2 + 2 * (seat / 2 / clinicians.size());
            Map<String, Object> search = new LinkedHashMap<>();
            search.put(AeronaConstants.CLINICIAN_ID, clinician.getId());
            search.put(AeronaConstants.APPOINTMENT_TYPE_ID, checkUp.getId());
            search.put(AeronaConstants.SEARCH_START, searchStart);
            List<?> slots = page(template, "direct:slots", search, tally);
            long looked = System.nanoTime() - t0;
            allSeeTheirSlots.await(1, TimeUnit.MINUTES);
            long t1 = System.nanoTime();
            AppointmentSlot slot = apart(slots).get(ordinal);
            Map<String, Object> booking = new LinkedHashMap<>();
            booking.put("practiceId", practice);
            booking.put("userId", slot.getClinicianId());
            booking.put("appointmentTypeId", checkUp.getId());
            booking.put("appointmentStatusId", 1);
            booking.put("appointmentTime", slot.getStartTime().toString());
            booking.put("duration", slot.getDuration());
            booking.put("patientId", patient);
            Long id = template.requestBody("direct:book", booking, Long.class);
            millis.add((looked + System.nanoTime() - t1) / 1e6);
            appointments.add(slot.getClinicianId() + " at " + slot.getStartTime() + " for " + patient);

            template.requestBodyAndHeader("direct:confirm", null, AeronaConstants.APPOINTMENT_ID, id);
            template.requestBodyAndHeader("direct:patient", null, AeronaConstants.PATIENT_ID, patient);
            sandbox.data().addPayment(patient, new BigDecimal("45.00"), null);
        } catch (Exception e) {
            throw new IllegalStateException("The booking of patient " + patient + " failed", e);
        }
    }

    /** A read of the booking page; counts whether its reply was shared or kept. */
    private static List<?> page(ProducerTemplate template, String uri, Map<String, Object> headers, Tally tally) {
        Exchange reply = template.send(uri, e -> e.getMessage().setHeaders(new LinkedHashMap<>(headers)));
        if (reply.getException() != null) {
            throw new IllegalStateException(uri + " failed", reply.getException());
        }
        Message message = reply.getMessage();
        if (Boolean.TRUE.equals(message.getHeader(AeronaConstants.COALESCED))) {
            tally.shared().incrementAndGet();
        }
        if (Boolean.TRUE.equals(message.getHeader(AeronaConstants.FROM_CACHE))) {
            tally.fromCache().incrementAndGet();
        }
        return message.getBody(List.class);
    }

    /** The slots that do not overlap, earliest first: slots start every few minutes and last longer. */
    private static List<AppointmentSlot> apart(List<?> slots) {
        List<AppointmentSlot> apart = new ArrayList<>();
        for (Object each : slots) {
            AppointmentSlot slot = (AppointmentSlot) each;
            if (apart.isEmpty() || !slot.getStartTime().isBefore(apart.get(apart.size() - 1).getEndTime())) {
                apart.add(slot);
            }
        }
        return apart;
    }

    private static Set<Long> ids(List<Map<String, Object>> records) {
        Set<Long> ids = new TreeSet<>();
        records.forEach(r -> ids.add((Long) r.get("id")));
        return ids;
    }
}
