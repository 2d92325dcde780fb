package io.github.camelaerona;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * A hook to adjust the Apache HttpClient 5 an endpoint uses (interceptors, proxy authentication, metrics), set with
 * the {@code httpClientConfigurer} option. It runs after the component's own settings; leave automatic retries
 * off, or requests could reach Aerona without passing the rate limiter.
 */
@FunctionalInterface
public interface AeronaHttpClientConfigurer {

    void configureHttpClient(HttpClientBuilder builder);
}
