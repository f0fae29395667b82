package fr.id77.statistics;

import java.util.List;

/**
 * The collectivities' ratings of the completed requests of a group (a domain, an offer): how many, their average
 * (1 to 5) and how many gave each note.
 */
record Satisfaction(String label, int[] perNote) {

    static final int NOTES = 5;

    long ratings() {
        long n = 0;
        for (int c : perNote) {
            n += c;
        }
        return n;
    }

    /** The average note, null when there is no rating. */
    Double average() {
        long n = ratings();
        if (n == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < perNote.length; i++) {
            sum += (long) (i + 1) * perNote[i];
        }
        return (double) sum / n;
    }

    public String ratingsText() {
        return Numbers.integer(ratings());
    }

    public String averageText() {
        Double average = average();
        return average == null ? "—" : Numbers.decimal(average);
    }

    public int count(int note) {
        return perNote[note - 1];
    }

    /** The notes gathered for one group, then summed up. */
    static final class Gatherer {
        private final String label;
        private final int[] perNote = new int[NOTES];

        Gatherer(String label) {
            this.label = label;
        }

        void add(int note, int count) {
            perNote[note - 1] += count;
        }

        boolean isEmpty() {
            for (int c : perNote) {
                if (c > 0) {
                    return false;
                }
            }
            return true;
        }

        Satisfaction done() {
            return new Satisfaction(label, perNote.clone());
        }
    }

    static List<Satisfaction> of(List<Gatherer> groups) {
        return groups.stream().filter(g -> !g.isEmpty()).map(Gatherer::done).toList();
    }
}
