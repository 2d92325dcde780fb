package io.github.camelaerona.sandbox;

import java.time.Instant;

/**
 * One attempt to deliver a webhook.
 *
 * @param eventId    the sandbox's number for the event; every attempt of one event carries the same body
 * @param objectType Patient, Appointment or Treatment
 * @param url        where it was sent
 * @param attempt    1 for the first delivery, 2-25 for the hourly retries
 * @param status     the status answered, or -1 when no answer came
 * @param at         when it was sent, on the sandbox clock
 * @param body       the JSON sent
 * @param failure    why no answer came (refused connection, timeout, a certificate or host name TLS did not
 *                   accept), or null when one came
 */
public record WebhookDelivery(long eventId, String objectType, String url, int attempt, int status, Instant at,
        String body, String failure) {

    public boolean delivered() {
        return status == 200;
    }
}
