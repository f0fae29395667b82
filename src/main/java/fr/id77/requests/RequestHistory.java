package fr.id77.requests;

import fr.id77.requests.RequestEvents.Change;
import fr.id77.requests.RequestHistoryEntry.Kind;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one writer of a request's history: every event the {@link Request} aggregate registers becomes a
 * history line, synchronously, in the transaction that saved the change (both are kept or neither).
 */
@Component
class RequestHistory {

    private final RequestHistoryRepository history;
    private final Clock clock;

    RequestHistory(RequestHistoryRepository history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @EventListener
    void record(Change change) {
        long requestId = change.request().requestId();
        long actorId = change.actorId();
        RequestHistoryEntry entry = switch (change) {
            case RequestEvents.Filed e ->
                new RequestHistoryEntry(
                        requestId, Kind.CREATED, actorId, null, RequestStatus.EN_ATTENTE, null, clock.instant());
            case RequestEvents.StatusChanged e ->
                new RequestHistoryEntry(requestId, Kind.STATUS, actorId, e.from(), e.to(), e.reason(), clock.instant());
            case RequestEvents.ReferentChanged e -> line(requestId, Kind.REFERENT, actorId, null);
            case RequestEvents.ResponsableChanged e -> line(requestId, Kind.RESPONSABLE, actorId, null);
            case RequestEvents.Commented e -> line(requestId, Kind.COMMENT, actorId, null);
            case RequestEvents.DocumentAdded e -> line(requestId, Kind.ATTACHMENT, actorId, files(e.count()));
            case RequestEvents.ChefDeFileChanged e -> line(requestId, Kind.CHEF_DE_FILE, actorId, null);
            case RequestEvents.NoteWritten e ->
                line(requestId, Kind.NOTE, actorId, e.files() == 0 ? null : files(e.files()));
            case RequestEvents.HandedOver e ->
                line(requestId, Kind.HANDOVER, actorId, e.reason())
                        .about(e.request().responsableId());
            case RequestEvents.ReminderDue e ->
                null; // nobody acted: the people reminded have it in their notifications
        };
        if (entry != null) {
            history.save(entry);
        }
    }

    private static String files(int count) {
        return count == 1 ? "1 fichier" : count + " fichiers";
    }

    private RequestHistoryEntry line(long requestId, Kind kind, long actorId, String note) {
        return new RequestHistoryEntry(requestId, kind, actorId, null, null, note, clock.instant());
    }
}
