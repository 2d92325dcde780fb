package io.github.camelaerona.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time settings of the Camel Aerona extension. */
@ConfigMapping(prefix = "quarkus.camel.aerona")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface AeronaBuildTimeConfig {

    /** The Dev Service that starts an Aerona sandbox in dev and test mode. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether the sandbox starts in dev and test mode. It starts only when
         * {@code camel.component.aerona.base-url} is not set, and never in a packaged application.
         */
        @WithDefault("true")
        boolean enabled();

        /** The sandbox's port on loopback; 0 takes a free one. */
        @WithDefault("0")
        int port();
    }
}
