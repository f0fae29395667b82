package fr.id77.shared.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Makes free text typed by a person safe to search and store: no control or invisible characters, bounded length. */
public final class InputSanitizer {

    private InputSanitizer() {}

    /**
     * Removes the control characters nobody types (C0 controls except tab and line breaks, DEL), NUL included,
     * which PostgreSQL refuses in text: applied to every submitted value by {@link ControlCharactersBinding}.
     * Returns null for null.
     */
    public static String stripControls(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                    || c == 0x7F
                    || (Character.isSurrogate(c) && !validSurrogate(raw, i));
            if (control && out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
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
            if (type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
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

    /**
     * Like {@link #clean} for text written over several lines (descriptions, practical information): each line
     * is cleaned, line breaks are kept (at most one blank line in a row, which separates paragraphs), and at
     * most {@code maxCodePoints} code points are kept. Never returns null.
     */
    public static String cleanLines(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        boolean blankBefore = false;
        for (String line : raw.split("\\r\\n|\\r|\\n|\\u2028|\\u2029")) {
            String cleaned = clean(line, maxCodePoints);
            if (cleaned.isEmpty()) {
                blankBefore = !lines.isEmpty();
                continue;
            }
            if (blankBefore) {
                lines.add("");
                blankBefore = false;
            }
            lines.add(cleaned);
        }
        String text = String.join("\n", lines);
        return text.codePointCount(0, text.length()) <= maxCodePoints
                ? text
                : text.substring(0, text.offsetByCodePoints(0, maxCodePoints)).strip();
    }
}
