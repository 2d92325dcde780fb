package io.github.camelaerona.internal.consumer;

import java.util.Locale;

import io.github.camelaerona.model.AeronaWebhookObjectType;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What a webhook endpoint needs from its endpoint.
 *
 * @param objectType     the events' object type
 * @param path           the path to listen on; null or blank for {@code /aerona/<objecttype>}
 * @param componentName  the Camel HTTP consumer component to listen through
 * @param secret         the secret a request must carry, or null
 * @param maxBodySize    the largest body accepted, in bytes
 * @param repository     the memory of events processed
 * @param ownsRepository whether the handler starts and stops the repository (one it made itself)
 */
public record WebhookSettings(AeronaWebhookObjectType objectType, String path, String componentName, String secret,
        long maxBodySize, IdempotentRepository repository, boolean ownsRepository) {

    /** The path the webhook listens on. */
    public String listenPath() {
        return path == null || path.isBlank() ? "/aerona/" + objectType.name().toLowerCase(Locale.ROOT) : path;
    }

    @Override
    public String toString() {
        return "WebhookSettings[" + objectType + " on " + listenPath() + "]";
    }
}
