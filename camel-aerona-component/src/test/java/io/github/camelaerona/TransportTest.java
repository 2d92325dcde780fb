package io.github.camelaerona;

import io.github.camelaerona.api.AeronaException;
import java.util.List;

import io.github.camelaerona.sandbox.AeronaSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS, the plain-HTTP rule and the HttpClient hook. */
class TransportTest extends AeronaRouteTestSupport {

    @Override
    protected AeronaSandbox.Builder sandboxBuilder() {
        return AeronaSandbox.builder().https(true);
    }

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("sandboxTrust", trustSandbox());
        context.getRegistry().bind("tagging", (HttpClientConfigurer) builder -> builder
                .addRequestInterceptorFirst((request, entity, ctx) -> request.addHeader("X-Integration", "finance-sync")));
    }

    private static SSLContextParameters trustSandbox() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:" + AeronaSandbox.TRUST_STORE_RESOURCE);
        store.setPassword(AeronaSandbox.TRUST_STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }

    @Test
    void httpsWithSslContextParameters() throws Exception {
        assertTrue(sandbox.baseUrl().startsWith("https://"));
        CamelContext context = startContext(route("aerona:getPractices?sslContextParameters=#sandboxTrust"));
        List<?> practices = context.createProducerTemplate().requestBody("direct:call", null, List.class);
        assertEquals(3, practices.size());
        assertEquals(1, sandbox.logins().size());
    }

    @Test
    void httpsWithoutTrustFailsTheHandshake() throws Exception {
        CamelContext context = startContext(route("aerona:getPractices"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> context.createProducerTemplate().requestBody("direct:call", (Object) null));
        assertTrue(e.getCause() instanceof AeronaException, () -> "got " + e.getCause());
        assertTrue(sandbox.requests().isEmpty());
    }

    @Test
    void httpClientConfigurerRunsOnTheClient() throws Exception {
        CamelContext context = startContext(route(
                "aerona:getPractices?sslContextParameters=#sandboxTrust&httpClientConfigurer=#tagging"));
        context.createProducerTemplate().requestBody("direct:call", (Object) null);
        assertTrue(sandbox.requests().stream().allMatch(r -> "finance-sync".equals(r.header("X-Integration"))));
    }

    @Test
    void plainHttpIsRefusedUnlessLoopback() {
        CamelContext context = new DefaultCamelContext();
        FailedToCreateRouteException e = assertThrows(FailedToCreateRouteException.class, () -> {
            context.addRoutes(route("aerona:getPractices?baseUrl=http://aerona.example.com/AeronaAPI/v1"));
            context.start();
        });
        String message = innermostMessage(e);
        assertTrue(message.contains("plain http://"), message);
        context.stop();
    }

    @Test
    void plainHttpToLoopbackIsAllowed() throws Exception {
        try (AeronaSandbox plain = AeronaSandbox.builder().user(sandbox.username(), sandbox.password()).start()) {
            CamelContext context = startContext(route("aerona:getPractices?baseUrl=" + plain.baseUrl()));
            assertEquals(3, context.createProducerTemplate().requestBody("direct:call", null, List.class).size());
            assertEquals(2, plain.requests().size());
        }
    }
}
