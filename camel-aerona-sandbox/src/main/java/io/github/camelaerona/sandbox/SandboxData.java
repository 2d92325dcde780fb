package io.github.camelaerona.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's practice: seeded, consistent demo data (the same for the same seed and clock, never dated after
 * the clock's now) and the operations the API performs on it. Records are JSON-ready maps with the API's field names.
 */
public final class SandboxData {

    /** The seed of the demo data unless the builder sets another. */
    static final long DEFAULT_SEED = 426709;
    /** Appointment statuses that free the clinician's time again. */
    private static final Set<Integer> FREEING_STATUSES = Set.of(4, 5, 11, 12, 13, 14, 16);
    private static final LocalTime DAY_START = LocalTime.of(9, 0);
    private static final LocalTime DAY_END = LocalTime.of(19, 0);
    private static final int SLOT_STEP_MINUTES = 15;
    private static final int MAX_SLOTS = 50;
    private static final int SLOT_SEARCH_DAYS = 90;

    private final Clock clock;
    private final ZoneId practiceZone;
    private final Map<Long, Map<String, Object>> practices = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> clinicians = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> appointmentTypes = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> patients = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> appointments = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> payments = new LinkedHashMap<>();
    private final Map<Long, Map<String, Object>> invoices = new LinkedHashMap<>();
    private final AtomicLong nextAppointmentId = new AtomicLong(34234);
    private final AtomicLong nextPaymentId = new AtomicLong(187900);
    private final AtomicLong nextInvoiceId = new AtomicLong(337200);
    private final AtomicLong nextTreatmentId = new AtomicLong(550000);
    private final Map<Long, Map<String, Object>> treatments = new LinkedHashMap<>();
    private volatile java.util.function.BiConsumer<String, Map<String, Object>> changes = (type, record) -> { };

    /** Whoever hears of changes (the webhooks): the object type and a copy of the changed record. */
    void onChange(java.util.function.BiConsumer<String, Map<String, Object>> listener) {
        this.changes = listener;
    }

    SandboxData(Clock clock, ZoneId practiceZone, long seed) {
        this.clock = clock;
        this.practiceZone = practiceZone;
        seed(clock.instant(), new Random(seed));
    }

    // ------------------------------------------------------------------ reads

    public synchronized List<Map<String, Object>> practices() {
        return copies(practices.values());
    }

    public synchronized Map<String, Object> practice(long id) {
        return copy(practices.get(id));
    }

    public synchronized List<Map<String, Object>> clinicians(Long practiceId, Long appointmentTypeId) {
        Map<String, Object> type = appointmentTypeId == null ? null : appointmentTypes.get(appointmentTypeId);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> c : clinicians.values()) {
            if (practiceId != null && !worksAt(c, practiceId)) {
                continue;
            }
            if (appointmentTypeId != null && (type == null || !type.get("clinicianTypeId").equals(c.get("clinicianTypeId")))) {
                continue;
            }
            result.add(copy(c));
        }
        return result;
    }

    public synchronized List<Map<String, Object>> appointmentTypes(
            Long practiceId, Integer clinicianTypeId, boolean includeDisabled, boolean onsiteOnly, boolean remoteOnly) {
        long practice = practiceId != null ? practiceId : AeronaSandbox.DEFAULT_PRACTICE_ID;
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> t : appointmentTypes.values()) {
            if (!((List<?>) t.get("practiceIds")).contains(practice)) {
                continue;
            }
            if (clinicianTypeId != null && !clinicianTypeId.equals(t.get("clinicianTypeId"))) {
                continue;
            }
            if (!includeDisabled && Boolean.TRUE.equals(t.get("disabled"))) {
                continue;
            }
            if (onsiteOnly && !Boolean.TRUE.equals(t.get("onsite"))) {
                continue;
            }
            if (remoteOnly && !Boolean.TRUE.equals(t.get("remote"))) {
                continue;
            }
            result.add(copy(t));
        }
        return result;
    }

    public synchronized Map<String, Object> appointmentType(long id) {
        return copy(appointmentTypes.get(id));
    }

    public synchronized Map<String, Object> patient(long id) {
        return copy(patients.get(id));
    }

    public synchronized List<Map<String, Object>> patients() {
        return copies(patients.values());
    }

    public synchronized Map<String, Object> appointment(long id) {
        return copy(appointments.get(id));
    }

    public synchronized List<Map<String, Object>> appointments() {
        return copies(appointments.values());
    }

    public synchronized Map<String, Object> payment(long id) {
        return copy(payments.get(id));
    }

    public synchronized List<Map<String, Object>> payments() {
        return copies(payments.values());
    }

    public synchronized Map<String, Object> invoice(long id) {
        return copy(invoices.get(id));
    }

    public synchronized List<Map<String, Object>> invoices() {
        return copies(invoices.values());
    }

    /** Payments whose date falls in the range (both ends included), oldest first. */
    public synchronized List<Map<String, Object>> searchPayments(Long patientId, LocalDate from, LocalDate to) {
        return search(payments.values(), "paymentDate", patientId, from, to);
    }

    /** Invoices whose date falls in the range (both ends included), oldest first. */
    public synchronized List<Map<String, Object>> searchInvoices(Long patientId, LocalDate from, LocalDate to) {
        return search(invoices.values(), "date", patientId, from, to);
    }

    /**
     * The next free slots of the clinician, or of every clinician of the type at the practice, that fit the
     * appointment type's duration in the time-of-day band and do not overlap a booked appointment.
     */
    public synchronized List<Map<String, Object>> findSlots(
            Long clinicianId, Integer clinicianTypeId, Long practiceId, long appointmentTypeId, LocalDate searchStart,
            int timeOfDay) {
        Map<String, Object> type = appointmentTypes.get(appointmentTypeId);
        if (type == null) {
            return List.of();
        }
        int duration = (Integer) type.get("duration");
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Map<String, Object> c : clinicians.values()) {
            boolean wanted = clinicianId != null
                    ? clinicianId.equals(c.get("id"))
                    : clinicianTypeId.equals(c.get("clinicianTypeId")) && worksAt(c, practiceId);
            if (wanted) {
                candidates.add(c);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(practiceZone).toLocalDate();
        LocalDate day = searchStart.isBefore(today) ? today : searchStart;
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int d = 0; d < SLOT_SEARCH_DAYS && slots.size() < MAX_SLOTS; d++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime t = DAY_START; !t.plusMinutes(duration).isAfter(DAY_END) && slots.size() < MAX_SLOTS;
                 t = t.plusMinutes(SLOT_STEP_MINUTES)) {
                if (!inBand(t, timeOfDay)) {
                    continue;
                }
                OffsetDateTime start = LocalDateTime.of(day, t).atZone(practiceZone).toOffsetDateTime();
                if (!start.isAfter(now)) {
                    continue;
                }
                for (Map<String, Object> c : candidates) {
                    if (slots.size() < MAX_SLOTS && isFree((Long) c.get("id"), start, duration, null)) {
                        Map<String, Object> slot = new LinkedHashMap<>();
                        slot.put("clinicianId", c.get("id"));
                        slot.put("clinicianName", c.get("forename") + " " + c.get("surname"));
                        slot.put("practiceId", firstPractice(c, practiceId));
                        slot.put("appointmentTypeId", appointmentTypeId);
                        slot.put("startTime", format(start));
                        slot.put("endTime", format(start.plusMinutes(duration)));
                        slot.put("duration", duration);
                        slots.add(slot);
                    }
                }
            }
        }
        return slots;
    }

    // ------------------------------------------------------------------ writes

    /** Books an appointment; the caller has validated the fields. Throws when the references are wrong. */
    public synchronized long createAppointment(Map<String, Object> request) {
        long practiceId = ((Number) request.get("practiceId")).longValue();
        long userId = ((Number) request.get("userId")).longValue();
        long typeId = ((Number) request.get("appointmentTypeId")).longValue();
        long patientId = ((Number) request.get("patientId")).longValue();
        int duration = ((Number) request.get("duration")).intValue();
        OffsetDateTime time = OffsetDateTime.parse((String) request.get("appointmentTime"));
        if (!practices.containsKey(practiceId)) {
            throw new SandboxRejection(400, "Unknown practiceId " + practiceId);
        }
        Map<String, Object> clinician = clinicians.get(userId);
        if (clinician == null || !worksAt(clinician, practiceId)) {
            throw new SandboxRejection(400, "Unknown userId " + userId + " at practice " + practiceId);
        }
        if (!appointmentTypes.containsKey(typeId)) {
            throw new SandboxRejection(400, "Unknown appointmentTypeId " + typeId);
        }
        if (!patients.containsKey(patientId)) {
            throw new SandboxRejection(400, "Unknown patientId " + patientId);
        }
        if (!isFree(userId, time, duration, null)) {
            throw new SandboxRejection(409, "The clinician is not free at " + format(time));
        }
        long id = nextAppointmentId.getAndIncrement();
        Map<String, Object> appointment = new LinkedHashMap<>();
        appointment.put("id", id);
        appointment.put("practiceId", practiceId);
        appointment.put("userId", userId);
        appointment.put("appointmentTypeId", typeId);
        appointment.put("appointmentStatusId", ((Number) request.get("appointmentStatusId")).intValue());
        appointment.put("appointmentTime", format(time));
        appointment.put("emergency", Boolean.TRUE.equals(request.get("emergency")));
        appointment.put("appointmentNotes", request.get("appointmentNotes"));
        appointment.put("duration", duration);
        appointment.put("patientId", patientId);
        appointment.put("createdByApi", true);
        appointments.put(id, appointment);
        changes.accept("Appointment", copy(appointment));
        return id;
    }

    /** Changes an appointment's status; false when there is no such appointment, as the API answers. */
    public synchronized boolean updateAppointmentStatus(long appointmentId, int statusId) {
        Map<String, Object> appointment = appointments.get(appointmentId);
        if (appointment == null) {
            return false;
        }
        appointment.put("appointmentStatusId", statusId);
        changes.accept("Appointment", copy(appointment));
        return true;
    }

    /** Changes an appointment's status as staff would in Aerona's own screens (fires the Appointment webhook). */
    public synchronized Map<String, Object> changeAppointment(long appointmentId, Map<String, Object> fields) {
        Map<String, Object> appointment = existing(appointments, "appointment", appointmentId);
        appointment.putAll(fields);
        changes.accept("Appointment", copy(appointment));
        return copy(appointment);
    }

    /** Changes a payment's fields, as a refund or a correction in Aerona would. */
    public synchronized Map<String, Object> changePayment(long paymentId, Map<String, Object> fields) {
        Map<String, Object> payment = existing(payments, "payment", paymentId);
        payment.putAll(fields);
        payment.put("dateModified", format(OffsetDateTime.now(clock)));
        return copy(payment);
    }

    /** Changes a patient's fields (fires the Patient webhook). */
    public synchronized Map<String, Object> updatePatient(long patientId, Map<String, Object> fields) {
        Map<String, Object> patient = existing(patients, "patient", patientId);
        patient.putAll(fields);
        changes.accept("Patient", copy(patient));
        return copy(patient);
    }

    /** Records a treatment for a patient (fires the Treatment webhook). */
    public synchronized Map<String, Object> addTreatment(long patientId, String treatmentName, BigDecimal price) {
        Map<String, Object> patient = existing(patients, "patient", patientId);
        long id = nextTreatmentId.getAndIncrement();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("patientId", patientId);
        t.put("practiceId", patient.get("practiceId"));
        t.put("userId", 34567L);
        t.put("treatmentName", treatmentName);
        t.put("status", "Completed");
        t.put("price", price);
        t.put("date", today().toString());
        treatments.put(id, t);
        changes.accept("Treatment", copy(t));
        return copy(t);
    }

    public synchronized List<Map<String, Object>> treatments() {
        return copies(treatments.values());
    }

    /** Adds a payment dated now (or as given in the fields) and returns it; for polling tests and demos. */
    public synchronized Map<String, Object> addPayment(long patientId, BigDecimal amount, Map<String, Object> fields) {
        long id = nextPaymentId.getAndIncrement();
        Map<String, Object> p = payment(id, patients.get(patientId), amount, OffsetDateTime.now(clock));
        if (fields != null) {
            p.putAll(fields);
        }
        payments.put(id, p);
        return copy(p);
    }

    /** Adds an invoice dated today (or as given in the fields) and returns it; for polling tests and demos. */
    public synchronized Map<String, Object> addInvoice(long patientId, String saleItem, BigDecimal price,
            Map<String, Object> fields) {
        long id = nextInvoiceId.getAndIncrement();
        Map<String, Object> i = invoice(id, patients.get(patientId), saleItem, price, OffsetDateTime.now(clock), 1);
        if (fields != null) {
            i.putAll(fields);
        }
        invoices.put(id, i);
        return copy(i);
    }

    private static Map<String, Object> existing(Map<Long, Map<String, Object>> records, String kind, long id) {
        Map<String, Object> record = records.get(id);
        if (record == null) {
            throw new IllegalArgumentException("No " + kind + " " + id);
        }
        return record;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(practiceZone));
    }

    boolean hasAppointmentType(long id) {
        return appointmentTypes.containsKey(id);
    }

    // ------------------------------------------------------------------ helpers

    private boolean isFree(long clinicianId, OffsetDateTime start, int duration, Long ignoreId) {
        OffsetDateTime end = start.plusMinutes(duration);
        for (Map<String, Object> a : appointments.values()) {
            if (((Number) a.get("userId")).longValue() != clinicianId || a.get("id").equals(ignoreId)
                    || FREEING_STATUSES.contains(a.get("appointmentStatusId"))) {
                continue;
            }
            OffsetDateTime aStart = OffsetDateTime.parse((String) a.get("appointmentTime"));
            OffsetDateTime aEnd = aStart.plusMinutes(((Number) a.get("duration")).intValue());
            if (start.isBefore(aEnd) && aStart.isBefore(end)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBand(LocalTime t, int timeOfDay) {
        return switch (timeOfDay) {
            case 1 -> t.isBefore(LocalTime.NOON);
            case 2 -> !t.isBefore(LocalTime.NOON) && t.isBefore(LocalTime.of(17, 0));
            case 3 -> !t.isBefore(LocalTime.of(17, 0));
            default -> true;
        };
    }

    private static boolean worksAt(Map<String, Object> clinician, Long practiceId) {
        return practiceId == null || ((List<?>) clinician.get("practiceIds")).contains(practiceId);
    }

    private static Object firstPractice(Map<String, Object> clinician, Long practiceId) {
        return practiceId != null ? practiceId : ((List<?>) clinician.get("practiceIds")).get(0);
    }

    private List<Map<String, Object>> search(java.util.Collection<Map<String, Object>> records, String dateField,
            Long patientId, LocalDate from, LocalDate to) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> r : records) {
            if (patientId != null && !patientId.equals(r.get("patientId"))) {
                continue;
            }
            String value = (String) r.get(dateField);
            LocalDate date = dateOf(value);
            if (!date.isBefore(from) && !date.isAfter(to) && !isFuture(value, now)) {
                result.add(copy(r));
            }
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get(dateField))
                .thenComparing(r -> ((Number) r.get("id")).longValue()));
        return result;
    }

    /** A record dated after the clock's now does not exist yet, as on the real API (a record given a later date). */
    private boolean isFuture(String value, OffsetDateTime now) {
        return value.length() == 10
                ? LocalDate.parse(value).isAfter(now.atZoneSameInstant(practiceZone).toLocalDate())
                : OffsetDateTime.parse(value).isAfter(now);
    }

    private LocalDate dateOf(String value) {
        return value.length() == 10
                ? LocalDate.parse(value)
                : OffsetDateTime.parse(value).atZoneSameInstant(practiceZone).toLocalDate();
    }

    private static String format(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static List<Map<String, Object>> copies(java.util.Collection<Map<String, Object>> records) {
        List<Map<String, Object>> result = new ArrayList<>(records.size());
        records.forEach(r -> result.add(copy(r)));
        return result;
    }

    private static Map<String, Object> copy(Map<String, Object> record) {
        return record == null ? null : new LinkedHashMap<>(record);
    }

    // ------------------------------------------------------------------ seed

    private static final String[][] PRACTICES = {
        { "9876", "Harbour Dental Care", "12 Quay Street", "Belfast", "BT1 3AB" },
        { "9877", "Riverside Smiles", "4 Mill Lane", "Derry", "BT48 6AA" },
        { "9878", "Northgate Health and Physio", "88 Northgate Road", "Newry", "BT35 8BB" },
    };
    private static final Object[][] CLINICIANS = {
        { 34567L, "Aoife", "Byrne", 1, List.of(9876L) },
        { 34568L, "Ciaran", "Walsh", 1, List.of(9876L, 9877L) },
        { 34569L, "Niamh", "Kelly", 3, List.of(9876L) },
        { 34570L, "Declan", "Murphy", 4, List.of(9877L) },
        { 34571L, "Sinead", "O'Neill", 3, List.of(9877L) },
        { 34572L, "Patrick", "Doyle", 8, List.of(9878L) },
        { 34573L, "Grace", "Quinn", 13, List.of(9878L) },
        { 34574L, "Liam", "Brennan", 2, List.of(9876L) },
    };
    private static final List<Long> DENTAL = List.of(9876L, 9877L);
    private static final List<Long> HEALTH = List.of(9878L);
    // id, name, duration, clinicianTypeId, price, onsite, remote, disabled, practices
    private static final Object[][] APPOINTMENT_TYPES = {
        { 1864L, "Check-up", 30, 1, "45.00", true, false, false, DENTAL },
        { 1865L, "Scale and polish", 45, 3, "60.00", true, false, false, DENTAL },
        { 1866L, "Filling", 60, 1, "120.00", true, false, false, DENTAL },
        { 1867L, "Orthodontic review", 30, 4, "80.00", true, false, false, DENTAL },
        { 1868L, "Video consultation", 20, 1, "35.00", false, true, false, DENTAL },
        { 1869L, "Implant consultation", 60, 2, "150.00", true, false, false, DENTAL },
        { 1870L, "Whitening", 60, 1, "250.00", true, false, true, DENTAL },
        { 1871L, "Physiotherapy session", 45, 8, "65.00", true, false, false, HEALTH },
        { 1872L, "GP consultation", 15, 13, "55.00", true, true, false, HEALTH },
    };
    private static final String[] FORENAMES = {
        "Mary", "Sean", "Orla", "Conor", "Ciara", "Eoin", "Roisin", "Darragh", "Saoirse", "Cathal",
        "Emma", "Jack", "Sophie", "Ryan", "Chloe", "Adam", "Erin", "Luke", "Grainne", "Tom" };
    private static final String[] SURNAMES = {
        "Simpson", "McCann", "Gallagher", "Doherty", "Lynch", "Campbell", "Reilly", "Hughes", "Duffy", "Burns" };
    private static final String[] SALE_ITEMS = { "Check-up", "Scale and polish", "Filling", "Mouthwash", "X-ray",
        "Physiotherapy session", "Toothbrush", "Crown" };
    private static final String[] PAYMENT_METHODS = { "Credit Card", "Debit Card", "Cash", "Bank Transfer" };

    private void seed(Instant clockNow, Random random) {
        Instant now = clockNow.truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.atZone(practiceZone).toLocalDate();
        for (String[] p : PRACTICES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Long.parseLong(p[0]));
            m.put("name", p[1]);
            m.put("address1", p[2]);
            m.put("town", p[3]);
            m.put("postcode", p[4]);
            m.put("masterPracticeId", 9876L);
            practices.put(Long.parseLong(p[0]), m);
        }
        for (Object[] c : CLINICIANS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c[0]);
            m.put("forename", c[1]);
            m.put("surname", c[2]);
            m.put("clinicianTypeId", c[3]);
            m.put("practiceIds", c[4]);
            clinicians.put((Long) c[0], m);
        }
        for (Object[] t : APPOINTMENT_TYPES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t[0]);
            m.put("name", t[1]);
            m.put("duration", t[2]);
            m.put("clinicianTypeId", t[3]);
            m.put("price", new BigDecimal((String) t[4]));
            m.put("onsite", t[5]);
            m.put("remote", t[6]);
            m.put("disabled", t[7]);
            m.put("practiceIds", t[8]);
            appointmentTypes.put((Long) t[0], m);
        }
        for (int i = 0; i < FORENAMES.length; i++) {
            long id = 426700L + i;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("practiceId", i % 3 == 2 ? 9878L : (i % 3 == 1 ? 9877L : 9876L));
            m.put("patientTypeId", 1);
            m.put("sourceId", 1 + random.nextInt(5));
            m.put("referrerId", 20 + random.nextInt(10));
            m.put("genderId", i % 2 == 0 ? 2 : 1);
            m.put("titleId", i % 2 == 0 ? 2 : 1);
            m.put("forename", FORENAMES[i]);
            m.put("surname", SURNAMES[i % SURNAMES.length]);
            m.put("maidenName", null);
            m.put("occupation", i % 4 == 0 ? "Teacher" : (i % 4 == 1 ? "Engineer" : (i % 4 == 2 ? "Nurse" : "Student")));
            m.put("dob", LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
            m.put("knownAs", FORENAMES[i]);
            m.put("address1", (1 + random.nextInt(120)) + " Main Street");
            m.put("address2", "Killylane");
            m.put("address3", "Eglinton");
            m.put("postcode", "BT47 " + (1 + random.nextInt(9)) + "AB");
            m.put("email", FORENAMES[i].toLowerCase() + "." + SURNAMES[i % SURNAMES.length].toLowerCase() + "@example.com");
            m.put("mobile", "07700 900" + String.format("%03d", i));
            patients.put(id, m);
        }
        // a few bookings in the coming days, so slot searches have something to respect
        for (int i = 0; i < 6; i++) {
            LocalDate day = nextWeekday(today.plusDays(1 + i / 2));
            long clinician = (Long) CLINICIANS[i % 3][0];
            OffsetDateTime time = LocalDateTime.of(day, LocalTime.of(9 + 2 * i % 8, 0)).atZone(practiceZone).toOffsetDateTime();
            Map<String, Object> a = new LinkedHashMap<>();
            long id = nextAppointmentId.getAndIncrement();
            a.put("id", id);
            a.put("practiceId", 9876L);
            a.put("userId", clinician);
            a.put("appointmentTypeId", 1864L);
            a.put("appointmentStatusId", 2);
            a.put("appointmentTime", format(time));
            a.put("emergency", false);
            a.put("appointmentNotes", null);
            a.put("duration", 30);
            a.put("patientId", 426700L + i);
            a.put("createdByApi", false);
            appointments.put(id, a);
        }
        // six months of payments and invoices up to the clock's now (never later), oldest first
        Instant start = today.minusMonths(6).withDayOfMonth(1).atStartOfDay(practiceZone).toInstant();
        long span = Duration.between(start, now).toMinutes();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            times.add(now.minus(Duration.ofMinutes((long) (random.nextDouble() * span))));
        }
        times.sort(null);
        for (Instant time : times) {
            OffsetDateTime at = time.truncatedTo(ChronoUnit.MINUTES).atZone(practiceZone).toOffsetDateTime();
            Map<String, Object> patient = patients.get(426700L + random.nextInt(FORENAMES.length));
            String item = SALE_ITEMS[random.nextInt(SALE_ITEMS.length)];
            BigDecimal price = BigDecimal.valueOf(2000 + random.nextInt(18000), 2);
            int quantity = 1 + random.nextInt(2);
            long invoiceId = nextInvoiceId.getAndIncrement();
            invoices.put(invoiceId, invoice(invoiceId, patient, item, price, at, quantity));
            long paymentId = nextPaymentId.getAndIncrement();
            Map<String, Object> payment = payment(paymentId, patient, price.multiply(BigDecimal.valueOf(quantity)), at);
            payment.put("paymentMethod", PAYMENT_METHODS[random.nextInt(PAYMENT_METHODS.length)]);
            payments.put(paymentId, payment);
        }
    }

    private Map<String, Object> payment(long id, Map<String, Object> patient, BigDecimal amount, OffsetDateTime at) {
        long practiceId = (Long) patient.get("practiceId");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("patientId", patient.get("id"));
        m.put("practiceId", practiceId);
        m.put("practiceName", practices.get(practiceId).get("name"));
        m.put("paymentType", "1");
        m.put("paymentMethod", "Credit Card");
        m.put("amount", amount.setScale(2, RoundingMode.HALF_UP));
        m.put("cancellation", BigDecimal.ZERO.setScale(2));
        m.put("refund", BigDecimal.ZERO.setScale(2));
        m.put("refundReference", null);
        m.put("paymentNote", "Paid in full.");
        m.put("paymentDate", format(at));
        m.put("cancellationNote", null);
        m.put("cancellationDate", null);
        m.put("patientPlan", false);
        m.put("patientCarePlanId", null);
        m.put("createdUserId", 34567L);
        m.put("dateModified", format(at));
        m.put("thirdPartyProviderName", null);
        return m;
    }

    /** An invoice completed at {@code completed}, dated that day in the practice's zone. */
    private Map<String, Object> invoice(long id, Map<String, Object> patient, String item, BigDecimal price,
            OffsetDateTime completed, int quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("patientId", patient.get("id"));
        m.put("date", completed.atZoneSameInstant(practiceZone).toLocalDate().toString());
        m.put("quantity", quantity);
        m.put("dateCompleted", format(completed));
        m.put("price", price.setScale(2, RoundingMode.HALF_UP));
        m.put("status", "Completed");
        m.put("saleItem", item);
        m.put("userId", 34567L);
        m.put("discount", BigDecimal.ZERO.setScale(2));
        m.put("discountAmount", BigDecimal.ZERO.setScale(2));
        m.put("refundAmount", BigDecimal.ZERO.setScale(2));
        m.put("refundNote", null);
        m.put("refundDate", null);
        m.put("refundMethod", null);
        m.put("patientCarePlan", null);
        m.put("vatRate", new BigDecimal("20.00"));
        m.put("insurerFee", BigDecimal.ZERO.setScale(2));
        m.put("adjustmentType", null);
        m.put("adjustmentNote", null);
        m.put("adjustmentAmount", BigDecimal.ZERO.setScale(2));
        m.put("prechargeDate", null);
        m.put("trackingFee", BigDecimal.ZERO.setScale(2));
        return m;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
