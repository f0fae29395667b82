package fr.id77.shared.web;

import java.util.Locale;

/**
 * What a person typed, made safe inside a SQL {@code LIKE … ESCAPE '\'}: their %, _ and \ are searched as themselves.
 */
public final class LikePattern {

    private LikePattern() {}

    /** {@code text} with \, % and _ escaped by \. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%} in lower case, escaped: « contains », ignoring case once the column is lowered too. */
    public static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }
}
