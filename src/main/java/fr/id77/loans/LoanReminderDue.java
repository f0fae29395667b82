package fr.id77.loans;

import fr.id77.requests.RequestEvents;
import java.time.LocalDate;

/**
 * The daily job reminds of a confirmed exhibition loan: the copy {@code copy} of {@code exhibition} (« E12 – Title »)
 * is picked up ({@link Kind#PICKUP}) on {@code startsOn}, or returned ({@link Kind#RETURN}) on {@code endsOn}, in a
 * few days. {@code request} names the request that booked it, with its people as its last event left them.
 */
public record LoanReminderDue(
        RequestEvents.RequestRef request,
        Kind kind,
        String exhibition,
        String copy,
        LocalDate startsOn,
        LocalDate endsOn) {

    public enum Kind {
        PICKUP,
        RETURN
    }

    /** The day the reminder is about: the pick-up or the return. */
    public LocalDate day() {
        return kind == Kind.PICKUP ? startsOn : endsOn;
    }
}
