package io.github.camelaerona.quarkus.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelaerona.model.AeronaObject;
import io.github.camelaerona.sandbox.AeronaSandbox;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.apache.camel.util.StringHelper;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.ClassInfo;

/** The build steps of the Camel Aerona extension. */
public class AeronaProcessor {

    public static final String FEATURE = "camel-aerona";

    /** Where the component keeps every class Jackson reads replies and webhook events into. */
    public static final String MODEL_PACKAGE = AeronaObject.class.getPackageName();

    /** The component's metadata (Camel's catalog and tooling read it) and the Kamelets, when that jar is there. */
    public static final List<String> NATIVE_RESOURCES = List.of(
            "META-INF/io/github/camelaerona/aerona.json",
            "kamelets/aerona-*.kamelet.yaml");

    public static final String BASE_URL = "camel.component.aerona.base-url";
    public static final String USERNAME = "camel.component.aerona.username";
    public static final String PASSWORD = "camel.component.aerona.password";
    /** Where tests and developers find the Dev Service's sandbox admin API (users, records, webhooks, requests). */
    public static final String ADMIN_URL = "aerona.sandbox.admin-url";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camelaerona", "camel-aerona");
    }

    /** Jackson builds the models by reflection: a native image must keep their constructors, getters and setters. */
    @BuildStep
    ReflectiveClassBuildItem models(CombinedIndexBuildItem index) {
        List<String> models = index.getIndex().getKnownClasses().stream()
                .filter(type -> type.name().packagePrefix().equals(MODEL_PACKAGE))
                .map(ClassInfo::name)
                .map(Object::toString)
                .sorted()
                .toList();
        return ReflectiveClassBuildItem.builder(models).constructors().methods().fields()
                .reason(getClass().getName()).build();
    }

    @BuildStep
    NativeImageResourcePatternsBuildItem resources() {
        return NativeImageResourcePatternsBuildItem.builder().includeGlobs(NATIVE_RESOURCES).build();
    }

    /**
     * In dev and test mode with no base URL configured, starts the sandbox and points the component at it, as Quarkus's
     * Dev Services do with a database. A username and password the application sets become the sandbox's user.
     */
    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void sandbox(AeronaBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> devServices) {
        Config application = ConfigProvider.getConfig();
        if (!config.devservices().enabled() || setting(application, BASE_URL).isPresent()) {
            return;
        }
        Optional<String> username = setting(application, USERNAME);
        Optional<String> password = setting(application, PASSWORD);
        String user = username.orElse(AeronaSandbox.DEFAULT_USERNAME);
        String secret = password.orElse(AeronaSandbox.DEFAULT_PASSWORD);
        int port = config.devservices().port();
        devServices.produce(DevServicesResultBuildItem.<SandboxDevService>owned()
                .feature(FEATURE)
                .description("Aerona sandbox for the aerona component")
                // the same user and port keep the running sandbox (and its data) across live reloads
                .serviceConfig(List.of(user, secret, port))
                .startable(() -> new SandboxDevService(port, user, secret))
                .config(username.isPresent() && password.isPresent()
                        ? Map.of()
                        : Map.of(USERNAME, user, PASSWORD, secret))
                .configProvider(Map.of(
                        BASE_URL, SandboxDevService::baseUrl,
                        ADMIN_URL, SandboxDevService::adminUrl))
                .build());
    }

    /** The setting under its kebab-case name or the camelCase one Camel also reads. */
    private static Optional<String> setting(Config config, String name) {
        Optional<String> kebab = config.getOptionalValue(name, String.class);
        return kebab.isPresent() ? kebab : config.getOptionalValue(StringHelper.dashToCamelCase(name), String.class);
    }
}
