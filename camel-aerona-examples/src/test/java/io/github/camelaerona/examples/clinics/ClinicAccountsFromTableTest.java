package io.github.camelaerona.examples.clinics;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.RecordedRequest;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs' complete resolver as it runs: clinic accounts in a PostgreSQL table, one route for every clinic, a
 * clinic added to the table served after the next refresh, without a restart.
 */
class ClinicAccountsFromTableTest {

    @Test
    void clinicsComeFromTheTableAndAClinicAddedIsServedAfterTheNextRefresh() throws Exception {
        try (SandboxPostgres postgres = SandboxPostgres.start();
                AeronaSandbox sandbox = AeronaSandbox.builder().user("harbour-api", "harbour-secret-1")
                        .user("northside-api", "northside-secret-2").user("oldtown-api", "oldtown-secret-3").start()) {
            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE clinic_account (name VARCHAR(100) PRIMARY KEY, base_url VARCHAR(255),"
                        + " username VARCHAR(100) NOT NULL, password VARCHAR(255) NOT NULL)");
                s.execute("INSERT INTO clinic_account VALUES ('harbour-dental', NULL, 'harbour-api', 'harbour-secret-1'),"
                        + " ('northside-smiles', NULL, 'northside-api', 'northside-secret-2')");
            }
            CamelContext context = new DefaultCamelContext();
            // tag::table-resolver[]
            ClinicAccountsFromTable clinics = new ClinicAccountsFromTable(postgres.dataSource());
            context.getRegistry().bind("clinics", clinics);
            AeronaComponent aerona = context.getComponent("aerona", AeronaComponent.class);
            aerona.getConfiguration().setAccountResolver(clinics);
            // end::table-resolver[]
            aerona.getConfiguration().setBaseUrl(sandbox.baseUrl());
            aerona.setClock(sandbox.clock());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // tag::table-routes[]
                    from("timer:clinic-accounts?period=300000")   // the table read again every 5 minutes
                            .bean("clinics", "refresh");

                    from("direct:practices-of-every-clinic")
                            .split(method("clinics", "clinics"))
                            .setHeader("CamelAeronaAccount", body())
                            .to("aerona:getPractices");
                    // end::table-routes[]
                }
            });
            context.start();
            try {
                context.createProducerTemplate().sendBody("direct:practices-of-every-clinic", null);
                assertEquals(Set.of("harbour-api", "northside-api"), usersSeen(sandbox));
                assertTrue(sandbox.apiRequests().stream().allMatch(r -> r.status() == 200));

                try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO clinic_account VALUES ('old-town', NULL, 'oldtown-api', 'oldtown-secret-3')");
                }
                clinics.refresh(); // what the timer route does every 5 minutes
                sandbox.clearRequests();
                sandbox.resetStats();
                context.createProducerTemplate().sendBody("direct:practices-of-every-clinic", null);
                assertEquals(Set.of("harbour-api", "northside-api", "oldtown-api"), usersSeen(sandbox),
                        "the clinic added to the table, without a restart");
                List<RecordedRequest> logins = sandbox.logins();
                assertEquals(1, logins.size(), "only the new clinic logged in; the others kept their tokens");
            } finally {
                context.stop();
            }
        }
    }

    /** The users the sandbox counted requests of (since its last reset). */
    private static Set<String> usersSeen(AeronaSandbox sandbox) {
        return Set.of("harbour-api", "northside-api", "oldtown-api").stream()
                .filter(user -> sandbox.stats(user).requests() > 0).collect(java.util.stream.Collectors.toSet());
    }
}
