package io.github.camelaerona.kamelets.recipe;

import org.apache.camel.main.KameletMain;

/**
 * The recipe of docs/kamelets.md for running Pipes on KameletMain from an application's own main class, as
 * written there; {@code KameletMainRecipeTest} runs it.
 */
public final class PipesOnKameletMain {

    private PipesOnKameletMain() {
    }

    // tag::kamelet-main[]
    /** @param pipes the Pipe files, such as {@code file:pipes/*.yaml} */
    public static KameletMain kameletMain(String pipes) {
        KameletMain main = new KameletMain("aerona-pipes");
        // the dependencies are on the application's classpath: nothing to download (and no ERROR when offline)
        main.setDownload(false);
        // the Kamelet catalog on the classpath (org.apache.camel.kamelets:camel-kamelets), not KameletMain's default
        main.addInitialProperty("camel.jbang.kameletsVersion", "4.18.0");
        // the aerona-* Kamelets are in camel-aerona-kamelets' jar, under kamelets/
        main.addInitialProperty("camel.component.kamelet.location", "classpath:kamelets");
        main.addInitialProperty("camel.main.routes-include-pattern", pipes);
        return main;
    }

    public static void main(String[] args) throws Exception {
        // the account comes from application.properties: camel.component.aerona.username=... and so on
        kameletMain(args.length > 0 ? args[0] : "file:pipes/*.yaml").run();
    }
    // end::kamelet-main[]
}
