package fr.id77.loans;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.catalogue.OfferPageSections;
import fr.id77.shared.web.PageSection;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The availability calendar on an exhibition's offer page, with « Réserver cette exposition » for visitors and members
 * (a visitor signs in first), the staff calendar for staff and the loan settings for admins.
 */
@Component
@Order(10)
class ExhibitionOfferSection implements OfferPageSections {

    /** What the fragment {@code loans/sections :: availability} shows. */
    record Availability(
            String code,
            Exhibitions.Exhibition exhibition,
            AvailabilityCalendar calendar,
            boolean canBook,
            boolean staff,
            boolean admin) {}

    private final Exhibitions exhibitions;
    private final LoanBookings bookings;

    ExhibitionOfferSection(Exhibitions exhibitions, LoanBookings bookings) {
        this.exhibitions = exhibitions;
        this.bookings = bookings;
    }

    @Override
    public Optional<PageSection> section(Offer offer, Optional<CurrentUser> user) {
        if (!offer.isExhibition()) {
            return Optional.empty();
        }
        Exhibitions.Exhibition exhibition = exhibitions.of(offer.id());
        LocalDate today = bookings.today();
        AvailabilityCalendar calendar = AvailabilityCalendar.of(
                exhibition.activeCopies(), bookings.occupations(offer.id(), false, null), today);
        boolean staff =
                user.map(u -> u.isAdmin() || u.hasRole(Role.CHEF_DE_FILE)).orElse(false);
        boolean canBook =
                offer.published() && user.map(u -> u.collectivityId() != null).orElse(true);
        return Optional.of(new PageSection(
                "loans/sections",
                "availability",
                new Availability(
                        offer.code(),
                        exhibition,
                        calendar,
                        canBook,
                        staff,
                        user.map(CurrentUser::isAdmin).orElse(false))));
    }
}
