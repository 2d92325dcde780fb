package io.github.camelaerona.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.camelaerona.api.AeronaOperation;
import io.github.camelaerona.internal.operation.OperationSpecs;
import io.github.camelaerona.model.AeronaWebhookObjectType;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the extension's build steps give a native image, read from the build items themselves: no native build can
 * run here, so this is what stands between a model Jackson cannot construct and a user's native executable.
 */
class BuildStepsTest {

    /** A build step of the test's own that writes what it consumed into a resource the test then reads. */
    private static final String REPORT = "aerona-build-steps-report.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.aerona.devservices.enabled", "false")
            .addBuildChainCustomizer(reportBuildItems());

    private static Consumer<BuildChainBuilder> reportBuildItems() {
        return chain -> chain.addBuildStep(context -> {
            StringBuilder report = new StringBuilder();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                if (item.isConstructors() && item.isMethods() && item.isFields()) {
                    item.getClassNames().forEach(name -> report.append("reflective ").append(name).append('\n'));
                }
            }
            for (NativeImageResourcePatternsBuildItem item : context.consumeMulti(NativeImageResourcePatternsBuildItem.class)) {
                item.getIncludePatterns().forEach(p -> report.append("resource ").append(p).append('\n'));
            }
            for (FeatureBuildItem item : context.consumeMulti(FeatureBuildItem.class)) {
                report.append("feature ").append(item.getName()).append('\n');
            }
            context.produce(new GeneratedResourceBuildItem(REPORT, report.toString().getBytes(StandardCharsets.UTF_8)));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourcePatternsBuildItem.class)
                .consumes(FeatureBuildItem.class).produces(GeneratedResourceBuildItem.class).build();
    }

    private static Set<String> report(String kind) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(REPORT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith(kind + " "))
                    .map(line -> line.substring(kind.length() + 1))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void devservicesEnabledFalseKeepsTheSandboxFromStarting() {
        var config = ConfigProvider.getConfig();
        assertTrue(config.getOptionalValue(AeronaProcessor.ADMIN_URL, String.class).isEmpty());
        assertTrue(config.getOptionalValue(AeronaProcessor.BASE_URL, String.class).isEmpty());
    }

    @Test
    void theFeatureIsListed() throws IOException {
        assertTrue(report("feature").contains("camel-aerona"), report("feature").toString());
    }

    @Test
    void everyResultModelAndWebhookModelIsKeptForReflection() throws IOException {
        Set<String> reflective = report("reflective");
        Set<String> needed = new TreeSet<>();
        for (AeronaOperation operation : AeronaOperation.values()) {
            Class<?> result = OperationSpecs.of(operation).resultClass();
            if (result != null && result.getPackageName().equals(AeronaProcessor.MODEL_PACKAGE)) {
                needed.add(result.getName());
            }
        }
        Arrays.stream(AeronaWebhookObjectType.values()).map(t -> t.modelType().getName()).forEach(needed::add);

        assertTrue(needed.size() >= 8, "the operations' models: " + needed);
        assertTrue(reflective.containsAll(needed), "missing: " + difference(needed, reflective));
    }

    @Test
    void theMetadataAndTheKameletsAreNativeResources() throws IOException {
        Set<String> patterns = report("resource");
        assertEquals(AeronaProcessor.NATIVE_RESOURCES.size(), patterns.size(), patterns.toString());
        // the patterns are regular expressions once Quarkus has read the globs: each must match a real resource
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        assertTrue(loader.getResource("META-INF/io/github/camelaerona/aerona.json") != null);
        assertTrue(patterns.stream().anyMatch("META-INF/io/github/camelaerona/aerona.json"::matches), patterns.toString());
        assertTrue(patterns.stream().anyMatch("kamelets/aerona-payments-source.kamelet.yaml"::matches), patterns.toString());
    }

    private static List<String> difference(Set<String> needed, Set<String> present) {
        return needed.stream().filter(name -> !present.contains(name)).toList();
    }
}
