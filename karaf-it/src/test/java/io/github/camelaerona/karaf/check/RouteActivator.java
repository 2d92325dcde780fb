package io.github.camelaerona.karaf.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The bundle the Karaf runtime test deploys: a CamelContext with one route that calls aerona:getPractices once
 * and writes what came back to a file. Where the sandbox is and where to write come from Karaf's system properties.
 */
public class RouteActivator implements BundleActivator {

    private OsgiDefaultCamelContext context;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        String baseUrl = System.getProperty("aerona.check.base-url");
        Path out = Path.of(System.getProperty("aerona.check.out"));
        context = new OsgiDefaultCamelContext(bundleContext);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:aerona-check?repeatCount=1").routeId("aerona-check")
                        .to("aerona:getPractices?baseUrl=" + baseUrl + "&username=sandbox-user&password=sandbox-password")
                        .process(e -> {
                            List<?> practices = e.getMessage().getBody(List.class);
                            Files.writeString(out, practices.size() + " " + practices.get(0).getClass().getName());
                        });
            }
        });
        context.start();
    }

    @Override
    public void stop(BundleContext bundleContext) {
        context.stop();
    }
}
