package io.github.camelaerona.examples.clinics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelaerona.api.AeronaAccountResolver;

/**
 * The Aerona accounts of the clinics an integration serves, read from a properties file: for each clinic
 * {@code clinic.<name>.username} and {@code clinic.<name>.password}, and {@code clinic.<name>.baseUrl} where it
 * differs from the component's. {@link #reload()} reads the file again (a clinic added, a password changed)
 * without a restart; a message for a clinic the file does not name fails, unsent.
 */
public final class ClinicAccounts implements AeronaAccountResolver {

    private final Path file;
    private volatile Map<String, Account> accounts = Map.of();

    public ClinicAccounts(Path file) throws IOException {
        this.file = file;
        reload();
    }

    /** Reads the file again; the accounts in use keep their tokens and budgets unless their credentials changed. */
    public void reload() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, Account> read = new ConcurrentHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("clinic.") && key.endsWith(".username")) {
                String name = key.substring("clinic.".length(), key.length() - ".username".length());
                read.put(name, new Account(properties.getProperty("clinic." + name + ".baseUrl"),
                        properties.getProperty(key), properties.getProperty("clinic." + name + ".password")));
            }
        }
        accounts = read;
    }

    @Override
    public Account resolve(String name) {
        return accounts.get(name);
    }

    /** The clinics the file names, for routes that go through all of them. */
    public java.util.Set<String> clinics() {
        return java.util.Set.copyOf(accounts.keySet());
    }
}
