package io.github.camelaerona.examples;

import java.util.ArrayList;
import java.util.List;

/** What the demo routes did, line by line, for the summary printed at the end. */
public final class DemoSummary {

    private final List<String> lines = new ArrayList<>();
    private Long bookedAppointmentId;
    private int appointmentEvents;
    private int paymentsPolled;

    public synchronized void add(String format, Object... args) {
        lines.add(String.format(format, args));
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public Long bookedAppointmentId() {
        return bookedAppointmentId;
    }

    void bookedAppointmentId(Long id) {
        this.bookedAppointmentId = id;
    }

    public int appointmentEvents() {
        return appointmentEvents;
    }

    void appointmentEvents(int count) {
        this.appointmentEvents = count;
    }

    public int paymentsPolled() {
        return paymentsPolled;
    }

    void paymentsPolled(int count) {
        this.paymentsPolled = count;
    }

    @Override
    public synchronized String toString() {
        return String.join(System.lineSeparator(), lines);
    }
}
