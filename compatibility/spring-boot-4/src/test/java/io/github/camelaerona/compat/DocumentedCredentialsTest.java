package io.github.camelaerona.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials as runtimes.md gives them for Spring Boot 4, booted as written: Camel's security policy (which
 * camel-spring-boot 4.19+ applies) starts without a warning, the username stays plain text, and the password comes
 * from the environment (AERONA_USERNAME and AERONA_PASSWORD are the sandbox's, set for this module's tests).
 */
@ExtendWith(OutputCaptureExtension.class)
@WithAeronaSandbox(startTime = SpringBoot4ApplicationTest.START)
@SpringBootTest(classes = DocumentedCredentialsTest.App.class)
@TestPropertySource(locations = "classpath:docs/credentials.properties",
        properties = { "camel.component.aerona.base-url=${aerona.sandbox.base-url}",
                "camel.component.aerona.clock=#aeronaClock" })
class DocumentedCredentialsTest {

    @SpringBootApplication
    static class App {
        @Bean
        Clock aeronaClock() {
            return Clock.fixed(Instant.parse(SpringBoot4ApplicationTest.START), ZoneId.of("Europe/London"));
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:practices").to("aerona:getPractices");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void theDocumentedCredentialsStartWithoutASecurityWarningAndLogIn(CapturedOutput output, AeronaSandbox sandbox)
            throws Exception {
        assertEquals(AeronaSandbox.DEFAULT_USERNAME, System.getenv("AERONA_USERNAME"), "set by this module's pom");
        List<?> practices = template.requestBody("direct:practices", null, List.class);
        assertFalse(practices.isEmpty());
        assertTrue(practices.get(0) instanceof Practice);
        assertEquals(1, sandbox.logins().size(), "logged in with the password from the environment");
        assertFalse(output.getAll().contains("SECURITY WARNING"), "no security warning at startup");
        assertTrue(Files.readString(Path.of("src/test/resources/docs/credentials.properties"))
                .contains("camel.component.aerona.password={{env:AERONA_PASSWORD}}"));
    }
}
