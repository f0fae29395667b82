package fr.id77.trainings;

import fr.id77.shared.time.TimeConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A training session as the pages show it, with its seats taken ({@code confirmed}) and its waiting list's length.
 * The rules of registration ({@link #refusal}) are here, pure, tested without a database.
 */
record Session(
        long id,
        long offerId,
        String offerCode,
        String offerTitle,
        Long chefDeFileId,
        Instant startsAt,
        Instant endsAt,
        String place,
        boolean remote,
        int seats,
        LocalDate registrationDeadline,
        Instant cancelledAt,
        String cancelReason,
        int version,
        int confirmed,
        int waiting) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    public int seatsLeft() {
        return Math.max(0, seats - confirmed);
    }

    public boolean isFull() {
        return confirmed >= seats;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    /** Why a registration is refused now, or null when it is taken (the deadline is the end of its day, Paris time). */
    public String refusal(Instant now) {
        if (isCancelled()) {
            return "Cette session a été annulée : on ne peut plus s'y inscrire.";
        }
        if (hasStarted(now)) {
            return "Cette session a déjà eu lieu : on ne peut plus s'y inscrire.";
        }
        if (LocalDate.ofInstant(now, TimeConfiguration.PARIS).isAfter(registrationDeadline)) {
            return "La date limite d'inscription (" + SHORT_DATE.format(registrationDeadline)
                    + ") est passée : on ne peut plus s'inscrire à cette session.";
        }
        return null;
    }

    /** « mardi 12 janvier 2027 de 09:30 à 12:00 » (Paris time; the end's day too when it is another day). */
    public String when() {
        ZonedDateTime start = startsAt.atZone(TimeConfiguration.PARIS);
        ZonedDateTime end = endsAt.atZone(TimeConfiguration.PARIS);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return DAY.format(start) + " de " + TIME.format(start) + " à " + TIME.format(end);
        }
        return "du " + DAY.format(start) + " à " + TIME.format(start) + " au " + DAY.format(end) + " à "
                + TIME.format(end);
    }

    public String day() {
        return SHORT_DATE.format(startsAt.atZone(TimeConfiguration.PARIS));
    }

    public String hours() {
        return TIME.format(startsAt.atZone(TimeConfiguration.PARIS)) + " – "
                + TIME.format(endsAt.atZone(TimeConfiguration.PARIS));
    }

    public String deadline() {
        return SHORT_DATE.format(registrationDeadline);
    }

    /** Its place, or « À distance » (with the place, if any, for a session given both ways). */
    public String placeLabel() {
        if (remote) {
            return place == null || place.isBlank() ? "À distance" : "À distance ou " + place;
        }
        return place;
    }

    public LocalDateTime localStart() {
        return startsAt.atZone(TimeConfiguration.PARIS).toLocalDateTime();
    }

    public LocalDateTime localEnd() {
        return endsAt.atZone(TimeConfiguration.PARIS).toLocalDateTime();
    }

    public TrainingEvents.SessionRef ref() {
        return new TrainingEvents.SessionRef(id, offerId, offerCode, offerTitle, chefDeFileId, when(), placeLabel());
    }

    /** Admins manage every session; a chef de file those of the offers he leads. */
    public boolean managedBy(fr.id77.account.CurrentUser user) {
        return managesOffer(user, chefDeFileId);
    }

    static boolean managesOffer(fr.id77.account.CurrentUser user, Long chefDeFileId) {
        return user.isAdmin()
                || (user.hasRole(fr.id77.account.Role.CHEF_DE_FILE)
                        && chefDeFileId != null
                        && chefDeFileId == user.id());
    }

    /** The session's calendar identifier: the same in every mail, so that a calendar updates its event. */
    public String uid() {
        return "session-" + id + "@id77.fr";
    }
}
