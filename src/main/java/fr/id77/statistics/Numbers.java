package fr.id77.statistics;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the page writes them: « 12 345 », « 3,5 », « 42 % ». */
final class Numbers {

    private Numbers() {}

    static String integer(long value) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
    }

    /** One decimal at most, none when it is zero: 3 or 3,5. */
    static String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : Math.round(part * 100.0 / whole) + " %";
    }
}
