package io.github.camelaerona.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelaerona.model.AeronaJson;
import io.github.camelaerona.model.Payment;
import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overhead: a getPayment through a Camel route and the aerona producer (limiter off) against a bare HttpClient 5
 * GET of the same URL with the same token, parsed by Jackson into the same model; same sandbox, same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class OverheadBenchmark {

    private AeronaSandbox sandbox;
    private CamelContext context;
    private ProducerTemplate template;
    private CloseableHttpClient bare;
    private String token;
    private String url;
    private final ObjectMapper json = AeronaJson.mapper();

    @Setup(Level.Trial)
    public void start() throws Exception {
        sandbox = AeronaSandbox.builder().rateLimit(0, java.time.Duration.ofMinutes(15)).start();
        context = Harness.context(sandbox, 0, "15m", "60s", new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:payment").to("aerona:getPayment?paymentId=187900");
            }
        });
        template = context.createProducerTemplate();
        bare = HttpClients.custom().disableAutomaticRetries().build();
        HttpPost login = new HttpPost(sandbox.baseUrl() + "/login");
        login.setEntity(new StringEntity("{\"username\":\"" + sandbox.username() + "\",\"password\":\"" + sandbox.password()
                + "\"}", ContentType.APPLICATION_JSON));
        token = bare.execute(login, response -> response.getFirstHeader("AERONA-AUTH-TOKEN").getValue());
        url = sandbox.baseUrl() + "/payments/187900";
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        context.stop();
        bare.close();
        sandbox.close();
    }

    /** The producer alone: a ProducerTemplate sending straight to the aerona endpoint. */
    @Benchmark
    public Payment producer() {
        return template.requestBody("aerona:getPayment?paymentId=187900", null, Payment.class);
    }

    /** The same call through a route (direct: then to aerona:), to show what Camel's routing adds. */
    @Benchmark
    public Payment producerInRoute() {
        return template.requestBody("direct:payment", null, Payment.class);
    }

    @Benchmark
    public Payment bareHttpClient() throws IOException {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/json");
        get.setHeader("AERONA-AUTH-TOKEN", token);
        return bare.execute(get, response -> json.readValue(
                EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8), Payment.class));
    }
}
