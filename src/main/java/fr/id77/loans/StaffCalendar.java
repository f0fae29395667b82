package fr.id77.loans;

import fr.id77.loans.LoanRules.Period;
import fr.id77.membership.Collectivities;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff calendar of loans: for each exhibition, a row per copy (and one for the wishes no copy was chosen for) and a
 * column per month of the coming twelve, each cell listing the loans that touch that month; then the list of them.
 */
@Component
class StaffCalendar {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.FRENCH);

    /** A loan in a month cell: « N°12 · Commune de X · 3 mars – 17 mars ». */
    record Item(int numero, String collectivity, String days, boolean confirmed) {}

    record Line(String copy, List<List<Item>> months) {}

    /** A booking of the list under the calendar. */
    record Loan(int numero, String collectivity, String period, String copy, String status, boolean confirmed) {

        static Loan of(LoanBookings.Booking b, Map<Long, String> names, Exhibitions.Exhibition exhibition) {
            return new Loan(
                    b.numero(),
                    names.getOrDefault(b.collectivityId(), "Collectivité"),
                    b.period().label(),
                    exhibition.copyLabel(b.copyId() != null ? b.copyId() : b.chosenCopyId()),
                    b.status().label(),
                    b.status() == LoanBookings.Status.CONFIRMED);
        }
    }

    record ExhibitionCalendar(
            Exhibitions.ExhibitionOffer offer,
            Exhibitions.Exhibition exhibition,
            List<Line> lines,
            List<Loan> loans,
            String feedUrl) {}

    private final Exhibitions exhibitions;
    private final LoanBookings bookings;
    private final LoanFeeds feeds;
    private final Collectivities collectivities;

    StaffCalendar(Exhibitions exhibitions, LoanBookings bookings, LoanFeeds feeds, Collectivities collectivities) {
        this.exhibitions = exhibitions;
        this.bookings = bookings;
        this.feeds = feeds;
        this.collectivities = collectivities;
    }

    /** « déc. 2026 », … the twelve months shown. */
    List<String> months(LocalDate today) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < AvailabilityCalendar.MONTHS; i++) {
            names.add(MONTH.format(YearMonth.from(today).plusMonths(i)));
        }
        return names;
    }

    /**
     * The calendars of these exhibitions, in a fixed number of statements whatever their number (their rules and copies,
     * their bookings, the collectivities' names, the feeds).
     */
    @Transactional(readOnly = true)
    List<ExhibitionCalendar> of(List<Exhibitions.ExhibitionOffer> offers, LocalDate today) {
        List<Long> ids = offers.stream().map(Exhibitions.ExhibitionOffer::id).toList();
        Map<Long, Exhibitions.Exhibition> all = exhibitions.of(ids);
        List<LoanBookings.Booking> shown = bookings.active(ids, AvailabilityCalendar.span(today));
        Map<Long, String> names = collectivities
                .names(shown.stream().map(LoanBookings.Booking::collectivityId).toList(), List.of())
                .collectivities();
        Map<Long, String> tokens = feeds.exhibitionTokens(ids);
        return offers.stream()
                .map(o -> calendar(
                        o,
                        all.get(o.id()),
                        shown.stream().filter(b -> b.offerId() == o.id()).toList(),
                        names,
                        tokens.containsKey(o.id()) ? feeds.url(tokens.get(o.id())) : null,
                        today))
                .toList();
    }

    private static ExhibitionCalendar calendar(
            Exhibitions.ExhibitionOffer offer,
            Exhibitions.Exhibition exhibition,
            List<LoanBookings.Booking> shown,
            Map<Long, String> names,
            String feedUrl,
            LocalDate today) {
        List<Line> lines = new ArrayList<>();
        for (Exhibitions.Copy copy : exhibition.copies()) {
            List<LoanBookings.Booking> onCopy = shown.stream()
                    .filter(b -> Objects.equals(
                            copy.id(), b.status() == LoanBookings.Status.CONFIRMED ? b.copyId() : b.chosenCopyId()))
                    .toList();
            if (copy.active() || !onCopy.isEmpty()) {
                lines.add(line(copy.label() + (copy.active() ? "" : " (hors service)"), onCopy, names, today));
            }
        }
        List<LoanBookings.Booking> unassigned = shown.stream()
                .filter(b -> b.status() == LoanBookings.Status.WISHED && b.chosenCopyId() == null)
                .toList();
        if (!unassigned.isEmpty()) {
            lines.add(line("Demandes sans exemplaire choisi", unassigned, names, today));
        }
        List<Loan> loans =
                shown.stream().map(b -> Loan.of(b, names, exhibition)).toList();
        return new ExhibitionCalendar(offer, exhibition, lines, loans, feedUrl);
    }

    private static Line line(
            String label, List<LoanBookings.Booking> onLine, Map<Long, String> names, LocalDate today) {
        List<List<Item>> months = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < AvailabilityCalendar.MONTHS; i++, month = month.plusMonths(1)) {
            Period whole = new Period(month.atDay(1), month.atEndOfMonth());
            months.add(onLine.stream()
                    .filter(b -> b.period().overlaps(whole))
                    .map(b -> new Item(
                            b.numero(),
                            names.getOrDefault(b.collectivityId(), "Collectivité"),
                            SHORT.format(b.period().start()) + " – "
                                    + SHORT.format(b.period().end()),
                            b.status() == LoanBookings.Status.CONFIRMED))
                    .toList());
        }
        return new Line(label, months);
    }
}
