package io.github.camelaerona.internal.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelaerona.api.AeronaPriority;
import io.github.camelaerona.model.AeronaWebhookObjectType;
import org.apache.camel.Converter;

/**
 * Reads the component's enum options from text. Camel's generic enum conversion would refuse a wrong value without
 * naming what is allowed; these refuse it naming the option, the value and the allowed values, like every other
 * configuration error of the component.
 */
@Converter(generateLoader = true)
public final class AeronaOptionConverters {

    private AeronaOptionConverters() {
    }

    @Converter
    public static AeronaPriority toPriority(String value) {
        AeronaPriority priority = AeronaPriority.parse(value);
        if (priority == null) {
            throw new IllegalArgumentException("aerona: option priority is " + value + "; allowed: "
                    + Arrays.stream(AeronaPriority.values()).map(AeronaPriority::optionValue).collect(Collectors.joining(", ")));
        }
        return priority;
    }

    @Converter
    public static AeronaWebhookObjectType toObjectType(String value) {
        for (AeronaWebhookObjectType type : AeronaWebhookObjectType.values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("aerona: option objectType is " + value + "; allowed: "
                + Arrays.stream(AeronaWebhookObjectType.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
