package io.github.camelaerona.springboot;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaComponentConfigurer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter offers every option of the component: each option in the component's generated metadata
 * (aerona.json) is a camel.component.aerona.* key with the same description and default in the Spring Boot
 * metadata IDEs read, and a value set under that key reaches the component. An option added to the component but
 * not to the starter fails here.
 */
class StarterCompletenessTest {

    private static final String PREFIX = "camel.component.aerona.";
    private static final Set<String> STARTER_KEYS = Set.of("enabled", "shared-budget");

    private static Map<String, JsonNode> options;
    private static Map<String, JsonNode> springProperties;

    @BeforeAll
    static void readMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = AeronaComponent.class.getResourceAsStream("/META-INF/io/github/camelaerona/aerona.json")) {
            options = fields(json.readTree(in).get("componentProperties"));
        }
        springProperties = new HashMap<>();
        for (URL url : Collections.list(StarterCompletenessTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).get("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(PREFIX)) {
                        springProperties.put(name.substring(PREFIX.length()), property);
                    }
                }
            }
        }
        assertFalse(options.isEmpty());
    }

    @Test
    void everyOptionOfTheComponentHasAKeyWithItsDescriptionAndDefault() {
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            String key = kebab(option.getKey());
            JsonNode spring = springProperties.get(key);
            assertNotNull(spring, "the starter has no key " + PREFIX + key + " for the component option " + option.getKey());
            String description = normalised(option.getValue().get("description").asText());
            String springDescription = normalised(spring.path("description").asText());
            if ("object".equals(option.getValue().get("type").asText())) {
                assertTrue(springDescription.startsWith(description), key + ": " + springDescription);
                assertTrue(springDescription.contains("A reference to a bean of type "
                        + option.getValue().get("javaType").asText() + " in the registry, such as #myBean"), key);
            } else {
                assertEquals(description, springDescription, key);
            }
            JsonNode catalogDefault = option.getValue().get("defaultValue");
            JsonNode springDefault = spring.get("defaultValue");
            assertEquals(catalogDefault == null ? null : catalogDefault.asText(),
                    springDefault == null ? null : springDefault.asText(), key + "'s default");
        }
    }

    @Test
    void theStarterHasNoKeyTheComponentDoesNotKnow() {
        Set<String> known = new HashSet<>(STARTER_KEYS);
        options.keySet().forEach(name -> known.add(kebab(name)));
        for (String key : springProperties.keySet()) {
            assertTrue(known.contains(key), PREFIX + key + " is not an option of the component");
        }
    }

    @Test
    void aValueForEveryOptionReachesTheComponent() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        AeronaComponent component = new AeronaComponent();
        component.setCamelContext(context);
        AeronaComponentConfiguration properties = new AeronaComponentConfiguration();
        BeanWrapper setter = new BeanWrapperImpl(properties);
        Map<String, Object> expected = new HashMap<>();
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            String name = option.getKey();
            Class<?> type = setter.getPropertyType(name);
            Object current = setter.getPropertyValue(name);
            if ("object".equals(option.getValue().get("type").asText())) {
                Object bean = sampleBean(Class.forName(option.getValue().get("javaType").asText()));
                context.getRegistry().bind("sample-" + name, bean);
                setter.setPropertyValue(name, "#sample-" + name);
                expected.put(name, bean);
            } else {
                Object value = differentValue(type, current, name);
                setter.setPropertyValue(name, value);
                expected.put(name, value instanceof Duration d ? d.toMillis() : value);
            }
        }
        AeronaComponentAutoConfiguration.bind(properties, component);

        PropertyConfigurerGetter getter = new AeronaComponentConfigurer();
        for (Map.Entry<String, Object> option : expected.entrySet()) {
            Object actual = getter.getOptionValue(component, option.getKey(), false);
            if (options.get(option.getKey()).get("type").asText().equals("object")) {
                assertSame(option.getValue(), actual, option.getKey());
            } else {
                assertEquals(option.getValue(), actual, option.getKey());
            }
        }
    }

    private static Object differentValue(Class<?> type, Object current, String name) {
        if (type == Boolean.class) {
            return !Boolean.TRUE.equals(current);
        } else if (type == Integer.class) {
            return current == null ? 7 : (Integer) current + 7;
        } else if (type == Long.class) {
            return current == null ? 7L : (Long) current + 7;
        } else if (type == Duration.class) {
            return current == null ? Duration.ofSeconds(7) : ((Duration) current).plusSeconds(7);
        } else if (type == String.class) {
            return "sample-" + name;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        throw new AssertionError("no sample value for " + name + " of " + type);
    }

    private static Object sampleBean(Class<?> type) throws Exception {
        if (type == Clock.class) {
            return Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "sample " + type.getSimpleName();
                        default -> null;
                    });
        }
        return type.getDeclaredConstructor().newInstance();
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
