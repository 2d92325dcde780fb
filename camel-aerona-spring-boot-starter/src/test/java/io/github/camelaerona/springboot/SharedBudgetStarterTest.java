package io.github.camelaerona.springboot;

import java.util.List;

import javax.sql.DataSource;

import io.github.camelaerona.AeronaComponent;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.github.camelaerona.sandbox.WithAeronaSandbox;
import io.github.camelaerona.sandbox.postgres.SandboxPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * camel.component.aerona.shared-budget=true: the account's budget lives in the application's own DataSource (Spring
 * Boot's, from spring.datasource.*), here a real PostgreSQL.
 */
@WithAeronaSandbox
@SpringBootTest(classes = SharedBudgetStarterTest.App.class, properties = "camel.component.aerona.rate-limit=20")
// shared-budget=true, exactly as the docs show it
@TestPropertySource(locations = "classpath:docs/shared-budget.properties")
class SharedBudgetStarterTest {

    private static SandboxPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            postgres = SandboxPostgres.start();
        }
        registry.add("spring.datasource.url", postgres::jdbcUrl);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @SpringBootApplication
    static class App {
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
    CamelContext context;
    @Autowired
    ProducerTemplate template;
    @Autowired
    DataSource dataSource;

    @Test
    void theBudgetLivesInTheApplicationsDataSource(AeronaSandbox sandbox) {
        assertEquals(3, template.requestBody("direct:practices", null, List.class).size());

        assertSame(dataSource, context.getComponent("aerona", AeronaComponent.class).getConfiguration().getBudgetDataSource());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertEquals(20, jdbc.queryForObject("SELECT COUNT(*) FROM aerona_budget_slot WHERE account = ?", Integer.class,
                sandbox.username() + " at " + sandbox.baseUrl()), "one row per slot of the account");
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM aerona_budget_slot WHERE claim_id IS NULL AND free_at > 0",
                Integer.class), "the login and the call each took a slot and gave it back");
    }
}
