package io.github.camelaerona.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options in which two settings records differ, found from the records' components, so a component added to a
 * settings record is compared without anyone remembering to: a record's components are named after the options they
 * come from, and a component that is itself a record is compared component by component.
 */
public final class SettingsDifferences {

    /** A component that is not compared, because something else covers it; the annotation's use says what. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface NotCompared {
    }

    private SettingsDifferences() {
    }

    /** The names of the components of {@code a} and {@code b} (records of one type) whose values differ. */
    public static List<String> between(Record a, Record b) {
        List<String> names = new ArrayList<>();
        collect(a, b, names);
        return names;
    }

    private static void collect(Record a, Record b, List<String> names) {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(NotCompared.class)) {
                continue;
            }
            Object x = value(component, a);
            Object y = value(component, b);
            if (x instanceof Record nestedA && y instanceof Record nestedB) {
                collect(nestedA, nestedB, names);
            } else if (!Objects.equals(x, y)) {
                names.add(component.getName());
            }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }
}
