package io.github.camelaerona.api;

/**
 * Gives the Aerona account behind a name, so that one route serves many clinics: the header
 * {@code CamelAeronaAccount} (or the endpoint option {@code account}) names the account of a message, and the
 * resolver, a bean set as the component's {@code accountResolver}, says who that is. Only the name travels with the
 * message; the password comes from here.
 * <p>
 * It is called for every message that names an account, on the caller's thread, so it should answer from memory
 * (a map loaded from a properties file or a table, refreshed as the application sees fit). Everything else about
 * the account (TLS, timeouts, the budget's options) comes from the endpoint's configuration.
 */
@FunctionalInterface
public interface AeronaAccountResolver {

    /**
     * @param name the account's name, as the message or endpoint gives it
     * @return the account, or null when there is none of that name (the message then fails, unsent, naming it)
     */
    Account resolve(String name) throws Exception;

    /**
     * An Aerona account.
     *
     * @param baseUrl  the API root, or null for the endpoint's {@code baseUrl}
     * @param username the Aerona user
     * @param password the user's password; never logged or shown
     */
    record Account(String baseUrl, String username, String password) {

        @Override
        public String toString() {
            return "Account[" + username + (baseUrl == null ? "" : " at " + baseUrl) + ", password=****]";
        }
    }
}
