package io.github.camelaerona.examples;

import io.github.camelaerona.api.AeronaApiException;
import io.github.camelaerona.AeronaConstants;
import io.github.camelaerona.model.Payment;
import org.apache.camel.builder.RouteBuilder;

/**
 * A typical user route: each new Aerona payment goes to the finance system (here the endpoint named by
 * {@code financeUri}), with a redelivery policy for Aerona's passing failures.
 */
// tag::finance-sync-routes[]
public class FinanceSyncRoutes extends RouteBuilder {

    private final String financeUri;

    public FinanceSyncRoutes(String financeUri) {
        this.financeUri = financeUri;
    }

    @Override
    public void configure() {
        onException(AeronaApiException.class)
                .onWhen(e -> e.getException(AeronaApiException.class).getStatusCode() >= 500)
                .maximumRedeliveries(3).redeliveryDelay(100);

        from("aerona:searchPayments?delay=200&timeZone=Europe/London&initialFromDate={{finance.since}}").routeId("finance-payments")
                .filter(e -> e.getMessage().getBody(Payment.class).getAmount().signum() > 0)
                .setHeader("financeReference", simple("AER-${header." + AeronaConstants.RECORD_ID + "}"))
                .to(financeUri);

        // enrich a payment with its invoice lines on demand
        from("direct:invoicesOfPatient").routeId("finance-invoices")
                .to("aerona:searchInvoices");
    }
}
// end::finance-sync-routes[]
