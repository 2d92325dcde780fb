package io.github.camelaerona.quarkus.it;

import io.github.camelaerona.AeronaConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * A Camel Quarkus application as a clinic group would write it. application.properties sets no base URL, so in
 * tests the extension's Dev Service starts a sandbox and the component talks to it.
 */
public class ClinicRoutes extends RouteBuilder {

    // tag::quarkus-routes[]
    @Override
    public void configure() {
        from("direct:practices").routeId("practices")
                .to("aerona:getPractices");

        // ${body.forename} goes through the bean language, which the extension brings
        from("direct:patient-forename").routeId("patient-forename")
                .to("aerona:getPatient")
                .setHeader("patientSurname", simple("${body.surname}"))
                .setBody(simple("${body.forename}"));

        from("aerona:searchPayments?delay=500&initialFromDate={{clinic.payments-since}}&timeZone={{clinic.time-zone}}")
                .routeId("payments").autoStartup(false)
                .bean(ReceivedPayments.class, "add(${header." + AeronaConstants.RECORD_ID + "}, ${body})");
    }
    // end::quarkus-routes[]
}
