package io.github.camelaerona;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A JVM of its own that uses an account with a budget journal, then exits: {@code baseUrl username password journal
 * limit calls}. Prints one line per call, {@code sent} or the failure's class, so a test can start it twice in a row
 * as a restarted application.
 */
public final class JournalProcess {

    private JournalProcess() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        AeronaComponent aerona = new AeronaComponent();
        aerona.getConfiguration().setBaseUrl(args[0]);
        aerona.getConfiguration().setUsername(args[1]);
        aerona.getConfiguration().setPassword(args[2]);
        aerona.getConfiguration().setBudgetJournal(args[3]);
        aerona.getConfiguration().setRateLimit(Integer.parseInt(args[4]));
        aerona.getConfiguration().setRateLimitPeriod(60_000);
        aerona.getConfiguration().setRateLimitMaxWait(0);
        context.addComponent("aerona", aerona);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:practices").to("aerona:getPractices");
            }
        });
        context.start();
        for (int i = 0; i < Integer.parseInt(args[5]); i++) {
            try {
                context.createProducerTemplate().requestBody("direct:practices", (Object) null);
                System.out.println("sent");
            } catch (CamelExecutionException e) {
                System.out.println(e.getCause().getClass().getSimpleName());
            }
        }
        if (args.length > 6 && args[6].equals("hold")) {
            System.out.println("holding"); // the journal stays this process's until the test closes its input
            System.in.read();
        }
        context.stop();
    }
}
