package io.github.camelaerona;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelaerona.internal.consumer.AeronaPollingConsumer;
import io.github.camelaerona.internal.consumer.AeronaWebhookHandler;
import io.github.camelaerona.internal.operation.AeronaParameter;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each parameter of the operations is declared once, in {@link AeronaParameter}: its name, rule and description.
 * Camel's generator needs literals in two more places (the URI option's field and setter javadoc in
 * {@link AeronaOperationParameters}, the header's constant and {@code @Metadata} in {@link AeronaConstants}); this
 * test fails on any drift between them, and on a public header constant whose value lives elsewhere.
 */
class ParameterDeclarationsTest {

    private static final Path OPTIONS = Path.of("src/main/java/io/github/camelaerona/AeronaOperationParameters.java");

    @Test
    void theOptionAndTheHeaderOfEachParameterSayWhatItsDeclarationSays() throws Exception {
        Map<String, String> setterDocs = setterJavadocs();
        List<String> drift = new ArrayList<>();
        for (AeronaParameter parameter : AeronaParameter.values()) {
            Field option = AeronaOperationParameters.class.getDeclaredField(parameter.optionName());
            if (option.getAnnotation(UriParam.class) == null) {
                drift.add(parameter + ": the option's field has no @UriParam");
            }
            if (!parameter.description().equals(setterDocs.get(parameter.optionName()))) {
                drift.add(parameter + ": the option's javadoc says \"" + setterDocs.get(parameter.optionName()) + "\"");
            }
            Field header = headerConstant(parameter.headerName());
            if (header == null) {
                drift.add(parameter + ": no constant in AeronaConstants for " + parameter.headerName());
                continue;
            }
            String headerDoc = header.getAnnotation(Metadata.class).description();
            if (!headerDoc.equals(parameter.description()) && !headerDoc.startsWith(parameter.description() + " ")) {
                drift.add(parameter + ": the header's @Metadata says \"" + headerDoc + "\"");
            }
            String optionType = option.getType().getSimpleName();
            String headerType = header.getAnnotation(Metadata.class).javaType();
            if (!optionType.equals("String") && !headerType.equals(optionType)) {
                drift.add(parameter + ": the option is " + optionType + ", the header " + headerType);
            }
        }
        assertEquals(List.of(), drift);
    }

    @Test
    void publicHeaderConstantsAreLiteralsThatTheInternalClassesAgreeWith() {
        assertEquals(AeronaConstants.ACCOUNT, AeronaPollingConsumer.ACCOUNT_HEADER);
        assertEquals(AeronaConstants.RECORD_ID, AeronaPollingConsumer.RECORD_ID_HEADER);
        assertEquals(AeronaConstants.WEBHOOK_OBJECT_TYPE, AeronaWebhookHandler.OBJECT_TYPE_HEADER);
        assertEquals(AeronaConstants.HEADER_PREFIX, AeronaParameter.HEADER_PREFIX);
    }

    private static Field headerConstant(String value) throws IllegalAccessException {
        for (Field field : AeronaConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && value.equals(field.get(null)) && field.getAnnotation(Metadata.class) != null) {
                return field;
            }
        }
        return null;
    }

    /** Each setter's javadoc as one line of text, by option name. */
    private static Map<String, String> setterJavadocs() throws IOException {
        String source = Files.readString(OPTIONS);
        Matcher setter = Pattern.compile("/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*public void set(\\w+)\\(", Pattern.DOTALL)
                .matcher(source);
        Map<String, String> docs = new HashMap<>();
        while (setter.find()) {
            StringBuilder text = new StringBuilder();
            for (String line : setter.group(1).split("\n")) {
                String part = line.strip().replaceFirst("^\\*\\s?", "").strip();
                if (!part.isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(part);
                }
            }
            String name = setter.group(2);
            docs.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), text.toString());
        }
        return docs;
    }
}
