package io.github.camelaerona.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a model that says nothing about a person, so {@link AeronaObject#toString()} may show it.
 * Record ids (Long) are always shown; names, dates of birth, addresses, contact details, notes and treatment names never are,
 * because {@code log("${body}")} writes them wherever the logs go.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface SafeToLog {
}
