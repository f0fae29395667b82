package fr.id77.statistics;

import java.util.Arrays;
import java.util.List;

/**
 * Response times of a group of requests (a domain, an offer), in working days from the filing: to the decision
 * (acceptance or rejection) and to the completion; each figure with the number of requests it rests on.
 */
record ResponseTimes(String label, Spread decision, Spread completion) {

    /** Median and 90th percentile of durations, with their count; null figures when there is none. */
    record Spread(int requests, Double median, Double p90) {

        static Spread of(int[] days, int count) {
            if (count == 0) {
                return new Spread(0, null, null);
            }
            int[] sorted = Arrays.copyOf(days, count);
            Arrays.sort(sorted);
            return new Spread(count, percentile(sorted, 0.5), percentile(sorted, 0.9));
        }

        /**
         * The percentile by linear interpolation between the closest ranks, as PostgreSQL's {@code percentile_cont}
         * and a spreadsheet's PERCENTILE.INC: the median of 2, 3, 5, 8 is 4.
         */
        static double percentile(int[] sorted, double p) {
            double rank = p * (sorted.length - 1);
            int below = (int) Math.floor(rank);
            int above = (int) Math.ceil(rank);
            return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
        }

        public String medianText() {
            return median == null ? "—" : Numbers.decimal(median);
        }

        public String p90Text() {
            return p90 == null ? "—" : Numbers.decimal(p90);
        }
    }

    /** Durations gathered for one group, then summed up. */
    static final class Gatherer {
        private final String label;
        private int[] decisions = new int[16];
        private int decided;
        private int[] completions = new int[16];
        private int completed;

        Gatherer(String label) {
            this.label = label;
        }

        void decision(long days) {
            if (decided == decisions.length) decisions = Arrays.copyOf(decisions, decided * 2);
            decisions[decided++] = (int) days;
        }

        void completion(long days) {
            if (completed == completions.length) completions = Arrays.copyOf(completions, completed * 2);
            completions[completed++] = (int) days;
        }

        boolean isEmpty() {
            return decided == 0 && completed == 0;
        }

        ResponseTimes done() {
            return new ResponseTimes(label, Spread.of(decisions, decided), Spread.of(completions, completed));
        }
    }

    static List<ResponseTimes> of(List<Gatherer> groups) {
        return groups.stream().filter(g -> !g.isEmpty()).map(Gatherer::done).toList();
    }
}
