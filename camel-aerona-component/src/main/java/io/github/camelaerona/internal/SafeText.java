package io.github.camelaerona.internal;

/**
 * Puts text that came from outside (a header, a reply) into a message safely: quoted, cut to a length a log line
 * can carry, and with control characters escaped, so a crafted value can neither forge log lines nor make a
 * message megabytes long.
 */
public final class SafeText {

    /** How much of a value a message quotes. */
    public static final int VALUE_LENGTH = 64;
    /** How much of a reply a message quotes. */
    public static final int REPLY_LENGTH = 500;

    private SafeText() {
    }

    /** The value quoted, at most {@link #VALUE_LENGTH} characters of it. */
    public static String quote(Object value) {
        return "'" + excerpt(value, VALUE_LENGTH) + "'";
    }

    /** At most {@code max} characters of the text, control characters escaped, with how much was left out. */
    public static String excerpt(Object value, int max) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 24);
        int shown = Math.min(text.length(), max);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > max) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
