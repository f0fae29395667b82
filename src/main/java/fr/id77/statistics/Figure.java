package fr.id77.statistics;

import java.util.List;
import java.util.Locale;

/**
 * One figure of the page: its rows (a label and a number of requests or adhesions), drawn as an SVG bar chart and
 * given as a table and a CSV download ({@code slug}). The chart's geometry is computed here, in percentages of the
 * chart's width, so that the SVG follows the width of the screen while its text keeps its size.
 */
record Figure(String slug, String title, String labelHeader, String valueHeader, List<Bar> bars) {

    /** A row: {@code shortLabel} under a column, {@code label} everywhere else. */
    record Bar(String label, String shortLabel, long value) {

        public String valueText() {
            return Numbers.integer(value);
        }

        /** The label above a bar, cut to what a phone's width shows (the table gives it whole). */
        public String chartLabel() {
            return label.length() <= 48 ? label : label.substring(0, 47).strip() + "…";
        }
    }

    /** Height in pixels of the columns' drawing area (vertical charts). */
    static final int COLUMN_AREA = 180;

    /** Height in pixels of one row of a horizontal chart (its label, then its bar). */
    static final int ROW = 40;

    public long max() {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /** A bar's length as a share of the longest, for {@code width}: « 63.5% ». */
    public String length(Bar bar) {
        return percent(max() == 0 ? 0 : bar.value() * 88.0 / max());
    }

    /** Where a bar's value is written: just after the bar. */
    public String valueAt(Bar bar) {
        return percent((max() == 0 ? 0 : bar.value() * 88.0 / max()) + 1);
    }

    /** The height of the SVG of a horizontal chart. */
    public int rowsHeight() {
        return bars.size() * ROW + 30;
    }

    /** Vertical charts (months): the left edge of the column {@code i}. */
    public String columnX(int i) {
        return percent(6 + i * columnStep() + columnStep() * 0.15);
    }

    /** The middle of the column {@code i}, where its month and value are written. */
    public String columnMiddle(int i) {
        return percent(6 + i * columnStep() + columnStep() / 2);
    }

    public String columnWidth() {
        return percent(columnStep() * 0.7);
    }

    /** A column's height in pixels. */
    public long columnHeight(Bar bar) {
        return max() == 0 ? 0 : Math.round(bar.value() * (double) COLUMN_AREA / max());
    }

    /** Whether the column {@code i} names its month: every one up to 24, then one in {@code n}. */
    public boolean labelled(int i) {
        return i % Math.max(1, (bars.size() + 23) / 24) == 0;
    }

    private double columnStep() {
        return 94.0 / Math.max(1, bars.size());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
