package io.github.camelaerona.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithAeronaSandbox}: one sandbox per test class, injected into fields and
 * parameters of type {@link AeronaSandbox}, its address published as system properties while the class runs.
 */
public class AeronaSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

    public static final String BASE_URL_PROPERTY = "aerona.sandbox.base-url";
    public static final String USERNAME_PROPERTY = "aerona.sandbox.username";
    public static final String PASSWORD_PROPERTY = "aerona.sandbox.password";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AeronaSandboxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).resetBetweenTests()) {
            sandbox(context).reset();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == AeronaSandbox.class && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(testInstance, sandbox(context));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AeronaSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    private static AeronaSandbox sandbox(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        WithAeronaSandbox settings = settings(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, c -> new Running(settings), Running.class).sandbox;
    }

    private static WithAeronaSandbox settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithAeronaSandbox.class)
                .orElseThrow(() -> new IllegalStateException("Annotate the test class with @WithAeronaSandbox"));
    }

    /** A started sandbox and the system properties it replaced; closed with the class's store. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final AeronaSandbox sandbox;
        final Map<String, String> previous = new HashMap<>();

        Running(WithAeronaSandbox settings) {
            this.sandbox = AeronaSandbox.builder()
                    .startTime(settings.startTime().isEmpty() ? null : java.time.Instant.parse(settings.startTime()))
                    .user(settings.username(), settings.password())
                    .rateLimit(settings.rateLimit(), Duration.ofSeconds(settings.ratePeriodSeconds()))
                    .https(settings.https())
                    .start();
            publish(BASE_URL_PROPERTY, sandbox.baseUrl());
            publish(USERNAME_PROPERTY, sandbox.username());
            publish(PASSWORD_PROPERTY, sandbox.password());
        }

        private void publish(String name, String value) {
            previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        }

        @Override
        public void close() {
            sandbox.close();
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            previous.clear();
        }
    }
}
