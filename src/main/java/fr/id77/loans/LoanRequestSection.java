package fr.id77.loans;

import fr.id77.loans.LoanRules.Period;
import fr.id77.membership.Collectivities;
import fr.id77.requests.RequestPageSections;
import fr.id77.shared.web.PageSection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an exhibition request's page: the wished period, the copy and the state of the booking; for its handlers, the
 * other bookings that overlap it (the conflicts) and the choice of the copy.
 */
@Component
@Order(10)
class LoanRequestSection implements RequestPageSections {

    /** What the fragment {@code loans/sections :: request} shows. */
    record LoanView(
            int numero,
            Period period,
            long days,
            int bufferDays,
            String copy,
            String chosenCopy,
            Long chosenCopyId,
            LoanBookings.Status status,
            boolean handler,
            boolean printView,
            List<Exhibitions.Copy> copies,
            List<StaffCalendar.Loan> conflicts) {

        /** The copy lent, else the one the handler chose, else when it will be given. */
        public String copyText() {
            if (copy != null) {
                return copy;
            }
            return chosenCopy != null
                    ? chosenCopy + " (choisi, confirmé à l'acceptation)"
                    : "attribué à l'acceptation de la demande";
        }

        public boolean showChoice() {
            return handler && !printView && status != LoanBookings.Status.RELEASED && copies.size() > 1;
        }
    }

    private final LoanBookings bookings;
    private final Exhibitions exhibitions;
    private final Collectivities collectivities;

    LoanRequestSection(LoanBookings bookings, Exhibitions exhibitions, Collectivities collectivities) {
        this.bookings = bookings;
        this.exhibitions = exhibitions;
        this.collectivities = collectivities;
    }

    @Override
    public Optional<PageSection> section(Request request, boolean printView) {
        return bookings.byRequest(request.id()).map(b -> {
            Exhibitions.Exhibition exhibition = exhibitions.of(b.offerId());
            boolean handler = request.canProcess();
            List<StaffCalendar.Loan> conflicts =
                    handler && b.status() != LoanBookings.Status.RELEASED ? conflicts(b, exhibition) : List.of();
            int buffer = b.status() == LoanBookings.Status.CONFIRMED ? b.bufferDays() : exhibition.bufferDays();
            return new PageSection(
                    "loans/sections",
                    "request",
                    new LoanView(
                            b.numero(),
                            b.period(),
                            b.period().days(),
                            buffer,
                            exhibition.copyLabel(b.copyId()),
                            exhibition.copyLabel(b.chosenCopyId()),
                            b.chosenCopyId(),
                            b.status(),
                            handler,
                            printView,
                            exhibition.copies().stream()
                                    .filter(Exhibitions.Copy::active)
                                    .toList(),
                            conflicts));
        });
    }

    /** The other bookings that overlap this one's period (transport days included). */
    private List<StaffCalendar.Loan> conflicts(LoanBookings.Booking booking, Exhibitions.Exhibition exhibition) {
        int buffer = booking.status() == LoanBookings.Status.CONFIRMED ? booking.bufferDays() : exhibition.bufferDays();
        Period held = booking.period().held(buffer);
        List<LoanBookings.Booking> others = bookings.active(List.of(booking.offerId()), held).stream()
                .filter(o -> o.id() != booking.id())
                .filter(o -> o.period()
                        .held(o.status() == LoanBookings.Status.CONFIRMED ? o.bufferDays() : buffer)
                        .overlaps(held))
                .toList();
        Map<Long, String> names = collectivities
                .names(others.stream().map(LoanBookings.Booking::collectivityId).toList(), List.of())
                .collectivities();
        return others.stream()
                .map(o -> StaffCalendar.Loan.of(o, names, exhibition))
                .toList();
    }
}
