package io.github.camelaerona.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelaerona.AeronaEndpoint;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/** Waiting: 10,000 exchanges sent at once into an endpoint whose budget is used up; threads and heap while they wait. */
final class WaitingBenchmark {

    static final int EXCHANGES = 10_000;
    private static final String URI = "aerona:getPractices";

    Figure run() throws Exception {
        try (AeronaSandbox sandbox = AeronaSandbox.start()) {
            CamelContext context = Harness.context(sandbox, 2, "10m", "10m", new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").to(URI);
                }
            });
            ProducerTemplate template = context.createProducerTemplate();
            template.requestBody("direct:call", (Object) null); // the login and this call use the budget up
            AeronaEndpoint endpoint = context.getEndpoint(URI, AeronaEndpoint.class);
            int threadsBefore = Thread.activeCount();
            long heapBefore = Harness.usedHeap();

            List<CompletableFuture<Object>> waiting = new ArrayList<>(EXCHANGES);
            for (int i = 0; i < EXCHANGES; i++) {
                waiting.add(template.asyncRequestBody("direct:call", null));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (endpoint.getWaitingCalls() < EXCHANGES && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            int queued = endpoint.getWaitingCalls();
            int extraThreads = Thread.activeCount() - threadsBefore;
            long extraHeap = Harness.usedHeap() - heapBefore;
            waiting.forEach(f -> f.cancel(true));
            context.stop();
            return new Figure("Waiting (" + EXCHANGES + " exchanges queued on the limiter)",
                    String.format("%d queued; %d extra threads; %.1f MiB heap (%d bytes per waiting exchange)", queued,
                            extraThreads, extraHeap / 1048576.0, extraHeap / Math.max(1, queued)),
                    "no thread per waiting exchange", queued == EXCHANGES && extraThreads < 50,
                    "threads from Thread.activeCount(), heap after System.gc()");
        }
    }
}
