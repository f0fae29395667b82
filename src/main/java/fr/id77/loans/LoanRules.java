package fr.id77.loans;

import fr.id77.shared.web.FieldRefusal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a loan, without Spring or database: how long it may last, what it holds (its period plus the
 * transport days before and after), whether a copy is free for it, and the next free periods when none is.
 */
final class LoanRules {

    /** Bookings open this long ahead. */
    static final int MONTHS_AHEAD = 24;

    /** How many free periods a refusal proposes. */
    static final int PROPOSALS = 3;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LoanRules() {}

    /** From {@code start} to {@code end}, both included. */
    record Period(LocalDate start, LocalDate end) {

        Period {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("end before start");
            }
        }

        public long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }

        /** What a loan over this period holds: {@code buffer} transport days before and after it. */
        public Period held(int buffer) {
            return new Period(start.minusDays(buffer), end.plusDays(buffer));
        }

        public boolean overlaps(Period other) {
            return !start.isAfter(other.end) && !other.start.isAfter(end);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        /** « du 02/03/2027 au 15/03/2027 ». */
        public String label() {
            return "du " + DAY.format(start) + " au " + DAY.format(end);
        }
    }

    /** An exhibition's loan rules. */
    record Settings(int minDays, int maxDays, int bufferDays) {}

    /**
     * What a booking takes of an exhibition: the period it holds (transport days included), on its copy ({@code copyId}
     * null: a wish no copy was chosen for yet), confirmed or only wished.
     */
    record Occupation(long bookingId, Long copyId, Period held, boolean confirmed) {}

    /** The state of a day in the availability calendar. */
    enum DayState {
        LIBRE("libre"),
        DEMANDE("demandé"),
        RESERVE("réservé"),
        PASSE("passé");

        private final String label;

        DayState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return "loan-day-" + name().toLowerCase();
        }
    }

    /**
     * Refuses a wished period next to its field: a date missing or past, an end before the start, a length outside the
     * exhibition's minimum and maximum, a start further than {@value #MONTHS_AHEAD} months ahead.
     */
    static Period wished(LocalDate start, LocalDate end, Settings settings, LocalDate today) {
        if (start == null) {
            throw new FieldRefusal("debut", "Indiquez la date de début du prêt.");
        }
        if (end == null) {
            throw new FieldRefusal("fin", "Indiquez la date de fin du prêt.");
        }
        if (start.isBefore(today)) {
            throw new FieldRefusal("debut", "Cette date est passée : le prêt commence au plus tôt aujourd'hui.");
        }
        if (start.isAfter(today.plusMonths(MONTHS_AHEAD))) {
            throw new FieldRefusal(
                    "debut", "Les expositions se réservent au plus " + MONTHS_AHEAD + " mois à l'avance.");
        }
        if (end.isBefore(start)) {
            throw new FieldRefusal("fin", "La date de fin doit suivre la date de début.");
        }
        Period period = new Period(start, end);
        if (period.days() < settings.minDays()) {
            throw new FieldRefusal(
                    "fin",
                    "Un prêt de cette exposition dure au moins " + settings.minDays() + " jours (ici " + period.days()
                            + ").");
        }
        if (period.days() > settings.maxDays()) {
            throw new FieldRefusal(
                    "fin",
                    "Un prêt de cette exposition dure au plus " + settings.maxDays() + " jours (ici " + period.days()
                            + ").");
        }
        return period;
    }

    /**
     * The copies free for a loan over {@code period}: no occupation of that copy overlaps what the loan would hold, and
     * enough copies stay for the wishes no copy was chosen for. In the order of {@code copyIds}.
     */
    static List<Long> freeCopies(List<Long> copyIds, Collection<Occupation> occupations, Period period, int buffer) {
        Period held = period.held(buffer);
        List<Long> free = new ArrayList<>();
        for (long copy : copyIds) {
            if (occupations.stream()
                    .noneMatch(o -> Objects.equals(o.copyId(), copy) && o.held().overlaps(held))) {
                free.add(copy);
            }
        }
        long unassigned = occupations.stream()
                .filter(o -> o.copyId() == null && o.held().overlaps(held))
                .count();
        return unassigned >= free.size() ? List.of() : free.subList(0, (int) (free.size() - unassigned));
    }

    /**
     * Up to {@value #PROPOSALS} free periods as long as {@code wished}, the first starting on or after its start (and not
     * before {@code today}), each after the previous one, within {@value #MONTHS_AHEAD} months.
     */
    static List<Period> nextFree(
            List<Long> copyIds, Collection<Occupation> occupations, Period wished, int buffer, LocalDate today) {
        List<Period> found = new ArrayList<>();
        long length = wished.days();
        LocalDate day = wished.start().isBefore(today) ? today : wished.start();
        LocalDate last = today.plusMonths(MONTHS_AHEAD);
        while (found.size() < PROPOSALS && !day.isAfter(last)) {
            Period candidate = new Period(day, day.plusDays(length - 1));
            if (!freeCopies(copyIds, occupations, candidate, buffer).isEmpty()) {
                found.add(candidate);
                day = candidate.end().plusDays(1);
            } else {
                day = day.plusDays(1);
            }
        }
        return found;
    }

    /** The occupations of other bookings that overlap what {@code period} holds with {@code buffer}: its conflicts. */
    static List<Occupation> conflicts(Collection<Occupation> others, Period period, int buffer) {
        Period held = period.held(buffer);
        return others.stream().filter(o -> o.held().overlaps(held)).toList();
    }

    /**
     * A day of the calendar: réservé when confirmed loans hold every copy, demandé when wishes take the copies left,
     * libre otherwise; passé before {@code today}.
     */
    static DayState state(LocalDate day, int copies, Collection<Occupation> occupations, LocalDate today) {
        if (day.isBefore(today)) {
            return DayState.PASSE;
        }
        long confirmed = occupations.stream()
                .filter(o -> o.confirmed() && o.held().contains(day))
                .map(Occupation::copyId)
                .distinct()
                .count();
        if (confirmed >= copies) {
            return DayState.RESERVE;
        }
        long wished = occupations.stream()
                .filter(o -> !o.confirmed() && o.held().contains(day))
                .count();
        return confirmed + wished >= copies ? DayState.DEMANDE : DayState.LIBRE;
    }

    /** « Périodes libres : du … au …, du … au … » or that none is free within the bookable months. */
    static String proposals(List<Period> free) {
        if (free.isEmpty()) {
            return "Aucune période de cette durée n'est libre dans les " + MONTHS_AHEAD + " prochains mois.";
        }
        return "Prochaines périodes libres de la même durée : "
                + String.join(", ", free.stream().map(Period::label).toList()) + ".";
    }
}
