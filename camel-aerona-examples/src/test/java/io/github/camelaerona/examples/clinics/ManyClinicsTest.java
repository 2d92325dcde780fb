package io.github.camelaerona.examples.clinics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.api.AeronaValidationException;
import io.github.camelaerona.model.Practice;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs' "Many clinics" example as it runs: clinic credentials from a properties file, one route for every
 * clinic, the clinic named per message. The sandbox has the file's three users.
 */
class ManyClinicsTest {

    private AeronaSandbox sandbox;
    private CamelContext context;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        sandbox = AeronaSandbox.builder().user("harbour-api", "harbour-secret-1").user("northside-api", "northside-secret-2")
                .user("oldtown-api", "oldtown-secret-3").start();
        Path file = dir.resolve("clinics.properties");
        Files.copy(Path.of("src/test/resources/clinics/clinics.properties"), file);
        context = new DefaultCamelContext();
        // tag::clinic-accounts[]
        ClinicAccounts clinics = new ClinicAccounts(file);
        context.getRegistry().bind("clinics", clinics);   // the bean the route below splits over
        AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
        aerona.getConfiguration().setAccountResolver(clinics);
        // end::clinic-accounts[]
        aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
        aerona.setClock(sandbox.clock());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::clinic-route[]
                from("direct:practices-of-clinic")
                        .to("aerona:getPractices");      // the clinic comes with the message: CamelAeronaAccount

                from("direct:practices-of-every-clinic")
                        .split(method("clinics", "clinics"))
                        .setHeader("CamelAeronaAccount", body())
                        .to("aerona:getPractices")
                        .to("direct:practices");
                // end::clinic-route[]
                from("direct:practices").to("mock:practices");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        sandbox.close();
    }

    @Test
    void eachMessageIsSentAsItsClinic() {
        // tag::clinic-call[]
        List<?> practices = context.createProducerTemplate().requestBodyAndHeader("direct:practices-of-clinic", null,
                "CamelAeronaAccount", "northside-smiles", List.class);
        // end::clinic-call[]
        assertInstanceOf(Practice.class, practices.get(0));
        assertEquals(2, sandbox.stats("northside-api").requests(), "its login and the call, as that clinic");
        assertEquals(0, sandbox.stats("harbour-api").requests());
    }

    @Test
    void oneRouteGoesThroughEveryClinicWithATokenEach() throws Exception {
        context.createProducerTemplate().sendBody("direct:practices-of-every-clinic", null);
        for (String user : List.of("harbour-api", "northside-api", "oldtown-api")) {
            assertEquals(2, sandbox.stats(user).requests(), user);
            assertEquals(0, sandbox.stats(user).invalidatedTokens(), user);
        }
        assertEquals(3, sandbox.logins().size(), "one login per clinic");
        for (var request : sandbox.requests()) {
            assertFalse(request.headers().toString().contains("secret"), "no password in a header: " + request);
        }
    }

    @Test
    void aClinicTheFileDoesNotNameFailsUnsent() {
        Exchange answered = context.createProducerTemplate().request("direct:practices-of-clinic",
                e -> e.getMessage().setHeader(AeronaConstants.ACCOUNT, "elsewhere"));
        AeronaValidationException refused = assertInstanceOf(AeronaValidationException.class, answered.getException());
        assertTrue(refused.getMessage().contains("elsewhere") && refused.getMessage().contains("CamelAeronaAccount"),
                refused.getMessage());
        assertTrue(sandbox.requests().isEmpty());
    }

    @Test
    void aReloadAddsAClinicWithoutARestart() throws Exception {
        Path file = dir.resolve("clinics.properties");
        Files.writeString(file, Files.readString(file) + "clinic.new-clinic.username=oldtown-api\n"
                + "clinic.new-clinic.password=oldtown-secret-3\n");
        context.getRegistry().lookupByNameAndType("clinics", ClinicAccounts.class).reload();
        context.createProducerTemplate().requestBodyAndHeader("direct:practices-of-clinic", null,
                AeronaConstants.ACCOUNT, "new-clinic");
        assertEquals(2, sandbox.stats("oldtown-api").requests());
    }
}
