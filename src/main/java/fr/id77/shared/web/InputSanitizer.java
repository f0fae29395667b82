package fr.id77.shared.web;

import java.text.Normalizer;

/** Makes free text typed by a person safe to search and store: no control or invisible characters, bounded length. */
public final class InputSanitizer {

    private InputSanitizer() {
    }

    /**
     * NFC-normalises, replaces control characters (NUL included, which PostgreSQL refuses) by spaces,
     * drops invisible format characters and lone surrogates, collapses white space and keeps at most
     * {@code maxCodePoints} code points. Never returns null.
     */
    public static String clean(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(Math.min(s.length(), 1024));
        int count = 0;
        boolean lastSpace = true;
        for (int i = 0; i < s.length() && count < maxCodePoints; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL) {
                if (!lastSpace) {
                    out.append(' ');
                    count++;
                    lastSpace = true;
                }
                continue;
            }
            out.appendCodePoint(cp);
            count++;
            lastSpace = false;
        }
        return out.toString().strip();
    }
}
