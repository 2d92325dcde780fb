package io.github.camelaerona.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application that names its Aerona gets no sandbox, even in test mode, and keeps its own settings. */
class DevServiceStaysOffTest {

    private static final String REAL = "https://clinic.example/AeronaAPI/v1";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.aerona.baseUrl", REAL)
            .overrideConfigKey("camel.component.aerona.username", "front-desk");

    @Test
    void aBaseUrlInEitherSpellingKeepsTheSandboxFromStarting() {
        var config = ConfigProvider.getConfig();
        assertTrue(config.getOptionalValue(AeronaProcessor.ADMIN_URL, String.class).isEmpty());
        assertTrue(config.getOptionalValue(AeronaProcessor.BASE_URL, String.class).isEmpty(),
                "nothing set the kebab-case name");
        assertEquals(REAL, config.getValue("camel.component.aerona.baseUrl", String.class));
        assertEquals("front-desk", config.getValue(AeronaProcessor.USERNAME, String.class));
    }
}
