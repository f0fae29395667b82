package fr.id77.notifications;

import static fr.id77.notifications.NotificationEvent.ACCEPTEE;
import static fr.id77.notifications.NotificationEvent.ANNULEE;
import static fr.id77.notifications.NotificationEvent.COMMENTAIRE;
import static fr.id77.notifications.NotificationEvent.COMPLEMENTS_DEMANDES;
import static fr.id77.notifications.NotificationEvent.COMPLEMENTS_TRANSMIS;
import static fr.id77.notifications.NotificationEvent.CONTACT_ADHERENT;
import static fr.id77.notifications.NotificationEvent.CONTACT_CHEF_DE_FILE;
import static fr.id77.notifications.NotificationEvent.DEPOT_COLLEGUE;
import static fr.id77.notifications.NotificationEvent.DOCUMENT;
import static fr.id77.notifications.NotificationEvent.NOTE_INTERNE;
import static fr.id77.notifications.NotificationEvent.NOUVELLE_DEMANDE;
import static fr.id77.notifications.NotificationEvent.REJETEE;
import static fr.id77.notifications.NotificationEvent.RELANCE_COMPLEMENTS;
import static fr.id77.notifications.NotificationEvent.RELANCE_RETARD;
import static fr.id77.notifications.NotificationEvent.SUPPRIMEE;
import static fr.id77.notifications.NotificationEvent.TERMINEE;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.Role;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.membership.CollectivitySummary;
import fr.id77.membership.ReferentSummary;
import fr.id77.notifications.Notifier.Message;
import fr.id77.requests.RequestEvents;
import fr.id77.requests.RequestStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who is told what about a request, written just before the change commits (same transaction: the
 * notifications and mails exist if and only if the change does).
 * <ul>
 * <li>The collectivity's members: accepted (or reopened), compléments asked, rejected, completed, deleted; a comment or a
 * document from ID77 staff; the responsable (contact chef de file) changed.</li>
 * <li>Its handlers, the offer's chef de file and the request's responsable (the admins when it has
 * neither): a new request, cancelled, compléments transmitted, a comment or a document from the collectivity, the technical
 * referent (contact adhérent) changed.</li>
 * <li>A newly designated responsable is told so, and so is a staff member a request is handed to (with the reason;
 * the collectivity is told who follows its request, never why).</li>
 * <li>An internal note goes to the handlers only (staff), never to the collectivity.</li>
 * </ul>
 */
@Component
class RequestNotifications {

    private static final int EXCERPT = 300;

    /** What every message about one request says of it. */
    record About(long requestId, int numero, String offer, String collectivity, String actor) {
        String link(String anchor) {
            return "/demandes/" + numero + anchor;
        }

        String label() {
            return "Voir la demande N°" + numero;
        }

        /** « la demande N°12 (O36 – Conseils en sécurité routière) ». */
        String demande() {
            return "la demande N°" + numero + " (" + offer + ")";
        }

        /** A message about this request, linking to it ({@code anchor}: where on its page). */
        Message message(NotificationEvent kind, String title, String body, String detail, String anchor) {
            return new Message(kind, requestId, numero, title, body, detail, link(anchor), label());
        }

        /** « Demande N°12 acceptée » : {@code sentence} follows the name of who did it. */
        Message status(NotificationEvent kind, String done, String sentence, String detail) {
            return message(kind, "Demande N°" + numero + " " + done, actor + " " + sentence, detail, "");
        }
    }

    private final Notifier notifier;
    private final Accounts accounts;
    private final Collectivities collectivities;
    private final Offers offers;

    RequestNotifications(Notifier notifier, Accounts accounts, Collectivities collectivities, Offers offers) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.collectivities = collectivities;
        this.offers = offers;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void filed(RequestEvents.Filed e) {
        About a = about(e.request(), e.actorId());
        notifier.tell(
                handlers(e.request().chefDeFileId(), null),
                e.actorId(),
                a.message(
                        NOUVELLE_DEMANDE,
                        "Nouvelle demande N°" + e.numero(),
                        a.actor() + " a déposé la demande N°" + e.numero() + " sur l'offre " + a.offer() + ".",
                        quote(e.message()),
                        ""));
        tellCollectivity(
                e.request(),
                e.actorId(),
                a.message(
                        DEPOT_COLLEGUE,
                        "Demande N°" + e.numero() + " déposée par " + a.actor(),
                        a.actor() + " a déposé la demande N°" + e.numero() + " au nom de " + a.collectivity()
                                + ", sur l'offre " + a.offer() + ".",
                        quote(e.message()),
                        ""));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void statusChanged(RequestEvents.StatusChanged e) {
        About a = about(e.request(), e.actorId());
        String reason =
                e.reason() == null || e.reason().isBlank() ? null : e.reason().strip();
        // each status change: its kind of notification, its title, the sentence and, if any, the reason given
        if (e.from() == RequestStatus.COMPLEMENTS
                && (e.to() == RequestStatus.EN_ATTENTE || e.to() == RequestStatus.EN_COURS)) {
            tellHandlers(
                    e.request(),
                    e.actorId(),
                    a.message(
                            COMPLEMENTS_TRANSMIS,
                            "Compléments transmis : demande N°" + e.numero(),
                            a.actor() + " a transmis les compléments demandés pour " + a.demande()
                                    + " : elle est de nouveau « " + e.to().getLabel() + " ».",
                            labelled("Réponse", reason),
                            ""));
            return;
        }
        Message message = switch (e.to()) {
            case COMPLEMENTS ->
                a.message(
                        COMPLEMENTS_DEMANDES,
                        "Compléments demandés : demande N°" + e.numero(),
                        a.actor() + " demande des compléments pour " + a.demande()
                                + " : répondez depuis la page de la demande.",
                        labelled("Compléments attendus", reason),
                        "#complements");
            case EN_COURS ->
                e.from() == RequestStatus.EN_ATTENTE
                        ? a.status(
                                ACCEPTEE,
                                "acceptée",
                                "a accepté " + a.demande() + " : elle est maintenant « En cours ».",
                                null)
                        : a.status(
                                ACCEPTEE,
                                "rouverte",
                                "a rouvert " + a.demande() + " : elle est de nouveau « En cours ».",
                                labelled("Motif", reason));
            case REJETEE -> a.status(REJETEE, "rejetée", "a rejeté " + a.demande() + ".", labelled("Motif", reason));
            case TERMINEE -> // the collectivity is invited to rate it, on its page (« Votre avis »)
                a.message(
                        TERMINEE,
                        "Demande N°" + a.numero() + " terminée",
                        a.actor() + " a terminé " + a.demande()
                                + ". Donnez votre avis sur cette demande : une note de 1 "
                                + "à 5 et, si vous le souhaitez, un commentaire.",
                        labelled("Note de clôture", reason),
                        "#avis");
            case SUPPRIMEE ->
                a.status(SUPPRIMEE, "supprimée", "a supprimé " + a.demande() + ".", labelled("Motif", reason));
            case ANNULEE -> a.status(ANNULEE, "annulée", "a annulé " + a.demande() + ".", labelled("Motif", reason));
            case EN_ATTENTE -> null;
        };
        if (message == null) {
            return;
        }
        // the collectivity cancels for its handlers; any other change is told to the collectivity and, made by someone
        // else (an admin, the responsable), to the chef de file and the responsable
        if (e.to() == RequestStatus.ANNULEE) {
            tellHandlers(e.request(), e.actorId(), message);
        } else {
            tellCollectivity(e.request(), e.actorId(), message, true);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void commented(RequestEvents.Commented e) {
        About a = about(e.request(), e.actorId());
        tellOtherSide(
                e.request(),
                e.fromStaff(),
                e.actorId(),
                a.message(
                        COMMENTAIRE,
                        "Nouveau commentaire sur la demande N°" + e.numero(),
                        a.actor() + " a écrit sur " + a.demande() + " :",
                        quote(e.body()),
                        "#commentaires"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void documentAdded(RequestEvents.DocumentAdded e) {
        About a = about(e.request(), e.actorId());
        String files = e.count() == 1 ? "un fichier" : e.count() + " fichiers";
        tellOtherSide(
                e.request(),
                e.fromStaff(),
                e.actorId(),
                a.message(
                        DOCUMENT,
                        (e.count() == 1 ? "Nouveau document" : "Nouveaux documents") + " sur la demande N°"
                                + e.numero(),
                        a.actor() + " a ajouté " + files + " à " + a.demande() + ".",
                        null,
                        "#fichiers"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void referentChanged(RequestEvents.ReferentChanged e) {
        About a = about(e.request(), e.actorId());
        String referent = e.referentId() == null
                ? null
                : collectivities
                        .referent(e.request().collectivityId(), e.referentId())
                        .map(RequestNotifications::referentLabel)
                        .orElse(null);
        tellHandlers(
                e.request(),
                e.actorId(),
                a.message(
                        CONTACT_ADHERENT,
                        "Contact adhérent modifié : demande N°" + e.numero(),
                        referent == null
                                ? a.actor() + " a retiré le référent technique de " + a.demande() + "."
                                : a.actor() + " a désigné " + referent + " comme référent technique de " + a.demande()
                                        + ".",
                        null,
                        "#contact"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void responsableChanged(RequestEvents.ResponsableChanged e) {
        About a = about(e.request(), e.actorId());
        AccountSummary responsable = e.request().responsableId() == null
                ? null
                : accounts.summary(e.request().responsableId()).orElse(null);
        tellCollectivity(
                e.request(),
                e.actorId(),
                a.message(
                        CONTACT_CHEF_DE_FILE,
                        "Contact chef de file modifié : demande N°" + e.numero(),
                        responsable == null
                                ? a.actor() + " a retiré le responsable de " + a.demande()
                                        + " : le chef de file la suit."
                                : a.actor() + " a désigné " + responsable.displayName() + " comme responsable de "
                                        + a.demande() + ".",
                        null,
                        ""));
        if (responsable != null) {
            notifier.tell(
                    List.of(responsable),
                    e.actorId(),
                    a.message(
                            CONTACT_CHEF_DE_FILE,
                            "Vous êtes responsable de la demande N°" + e.numero(),
                            a.actor() + " vous a désigné(e) responsable de " + a.demande() + ", déposée par "
                                    + a.collectivity() + ".",
                            null,
                            ""));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void chefDeFileChanged(RequestEvents.ChefDeFileChanged e) {
        About a = about(e.request(), e.actorId());
        AccountSummary chef = e.request().chefDeFileId() == null
                ? null
                : accounts.summary(e.request().chefDeFileId()).orElse(null);
        tellCollectivity(
                e.request(),
                e.actorId(),
                a.message(
                        CONTACT_CHEF_DE_FILE,
                        "Contact chef de file modifié : demande N°" + e.numero(),
                        chef == null
                                ? "L'équipe ID77 suit désormais " + a.demande() + "."
                                : chef.displayName() + " est désormais le chef de file de " + a.demande() + ".",
                        null,
                        ""));
        notifier.tell(
                handlers(e.request().chefDeFileId(), null),
                e.actorId(),
                a.message(
                        CONTACT_CHEF_DE_FILE,
                        "Vous suivez désormais la demande N°" + e.numero(),
                        a.actor() + " vous a confié l'offre " + a.offer() + " : " + a.demande() + ", déposée par "
                                + a.collectivity() + ", vous revient.",
                        null,
                        ""));
    }

    /**
     * The daily reminders: a late request to its chef de file and responsable (the admins when it has neither), the
     * compléments still awaited to the collectivity (and its technical referent if it asked for his mails).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void reminded(RequestEvents.ReminderDue e) {
        About a = about(e.request(), e.actorId());
        String since = DAY.format(e.since());
        String days = e.workingDays() + (e.workingDays() > 1 ? " jours ouvrés" : " jour ouvré");
        if (e.kind() == RequestEvents.Reminder.LATE) {
            tellHandlers(
                    e.request(),
                    null,
                    a.message(
                            RELANCE_RETARD,
                            "Relance : demande N°" + e.numero() + " en retard de " + days,
                            "La demande N°" + e.numero() + " (" + a.offer() + "), déposée par " + a.collectivity()
                                    + (e.status() == RequestStatus.EN_COURS
                                            ? ", devait être terminée au plus tard le "
                                            : ", devait avoir une réponse au plus tard le ")
                                    + since + " : elle est en retard de " + days + ".",
                            null,
                            ""));
        } else {
            tellCollectivity(
                    e.request(),
                    e.actorId(),
                    a.message(
                            RELANCE_COMPLEMENTS,
                            "Relance : compléments attendus pour la demande N°" + e.numero(),
                            "ID77 attend depuis le " + since + " (" + days + ") les compléments demandés pour "
                                    + a.demande() + " : répondez depuis la page de la demande pour qu'elle reprenne "
                                    + "son cours.",
                            null,
                            "#complements"));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void noteWritten(RequestEvents.NoteWritten e) {
        About a = about(e.request(), e.actorId());
        String files =
                e.files() == 0 ? "" : e.files() == 1 ? " (avec un fichier)" : " (avec " + e.files() + " fichiers)";
        tellHandlers(
                e.request(),
                e.actorId(),
                a.message(
                        NOTE_INTERNE,
                        "Note interne sur la demande N°" + e.numero(),
                        a.actor() + " a écrit une note interne" + files + " sur " + a.demande()
                                + ". La collectivité ne la voit pas :",
                        quote(e.body()),
                        "#notes"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void handedOver(RequestEvents.HandedOver e) {
        About a = about(e.request(), e.actorId());
        AccountSummary handler = accounts.summary(e.request().responsableId()).orElseThrow();
        notifier.tell(
                List.of(handler),
                e.actorId(),
                a.message(
                        CONTACT_CHEF_DE_FILE,
                        "La demande N°" + e.numero() + " vous est confiée",
                        a.actor() + " vous a confié " + a.demande() + ", déposée par " + a.collectivity() + ".",
                        labelled("Motif", e.reason()),
                        ""));
        if (e.previousResponsableId() != null) {
            notifier.tell(
                    accounts.summaries(List.of(e.previousResponsableId())).values(),
                    e.actorId(),
                    a.message(
                            CONTACT_CHEF_DE_FILE,
                            "La demande N°" + e.numero() + " est confiée à " + handler.displayName(),
                            a.actor() + " a confié " + a.demande() + " à " + handler.displayName()
                                    + " : vous n'en êtes plus responsable.",
                            labelled("Motif", e.reason()),
                            ""));
        }
        tellCollectivity(
                e.request(),
                e.actorId(),
                a.message(
                        CONTACT_CHEF_DE_FILE,
                        "Contact chef de file modifié : demande N°" + e.numero(),
                        handler.displayName() + " suit désormais " + a.demande() + ".",
                        null,
                        ""));
    }

    // --- recipients ------------------------------------------------------------------------------

    /**
     * Tells the collectivity's members and, when {@code alsoStaff}, the chef de file and the responsable (what other
     * staff do); mails the request's technical referent if his collectivity asked for it.
     */
    void tellCollectivity(RequestEvents.RequestRef request, long actorId, Message message, boolean alsoStaff) {
        List<AccountSummary> members = members(request.collectivityId());
        List<AccountSummary> recipients =
                alsoStaff ? concat(members, staffHandlers(request.chefDeFileId(), request.responsableId())) : members;
        notifier.tell(recipients, actorId, message);
        if (request.referentId() != null) {
            collectivities
                    .referent(request.collectivityId(), request.referentId())
                    .ifPresent(referent -> {
                        List<String> told = new ArrayList<>();
                        recipients.forEach(r -> told.add(r.email()));
                        accounts.summary(actorId).ifPresent(actor -> told.add(actor.email()));
                        notifier.mailReferent(
                                referent, told.stream().filter(Objects::nonNull).toList(), message);
                    });
        }
    }

    private void tellCollectivity(RequestEvents.RequestRef request, long actorId, Message message) {
        tellCollectivity(request, actorId, message, false);
    }

    /** A message or a file: from staff to the collectivity (and the other staff), from the collectivity to its handlers. */
    private void tellOtherSide(RequestEvents.RequestRef request, boolean fromStaff, long actorId, Message message) {
        if (fromStaff) {
            tellCollectivity(request, actorId, message, true);
        } else {
            tellHandlers(request, actorId, message);
        }
    }

    /** Tells the request's chef de file and responsable (the admins when it has neither). */
    private void tellHandlers(RequestEvents.RequestRef request, Long actorId, Message message) {
        notifier.tell(handlers(request.chefDeFileId(), request.responsableId()), actorId, message);
    }

    /** The members of the collectivity that filed the request. */
    private List<AccountSummary> members(long collectivityId) {
        return accounts.members(collectivityId).stream()
                .filter(m -> m.role() == Role.ADHERENT)
                .toList();
    }

    /**
     * The chef de file and the responsable, told of what other staff (an admin, the responsable) do on the request:
     * none when it has no active handler (the admins are not told of each other's actions).
     */
    private List<AccountSummary> staffHandlers(Long chefDeFileId, Long responsableId) {
        List<Long> ids = Stream.of(chefDeFileId, responsableId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return accounts.summaries(ids).values().stream()
                .filter(h -> h.status() == AccountStatus.ACTIVE)
                .toList();
    }

    private static List<AccountSummary> concat(List<AccountSummary> some, List<AccountSummary> others) {
        return Stream.concat(some.stream(), others.stream()).toList();
    }

    /** The chef de file and the responsable; the admins when the request has no active handler. */
    private List<AccountSummary> handlers(Long chefDeFileId, Long responsableId) {
        List<AccountSummary> handlers = staffHandlers(chefDeFileId, responsableId);
        return handlers.isEmpty() ? accounts.active(Role.ADMIN) : handlers;
    }

    // --- wording ---------------------------------------------------------------------------------

    About about(RequestEvents.RequestRef request, long actorId) {
        long collectivityId = request.collectivityId();
        String offer = offers.byIds(List.of(request.offerId())).values().stream()
                .findFirst()
                .map(o -> o.code() + " – " + o.title())
                .orElse("offre supprimée du catalogue");
        String collectivity = collectivities
                .byId(collectivityId)
                .map(CollectivitySummary::name)
                .orElse("la collectivité");
        String actor = accounts.summary(actorId)
                .map(p -> Objects.equals(p.collectivityId(), collectivityId)
                        ? p.displayName() + " (" + collectivity + ")"
                        : p.displayName())
                .orElse("ID77");
        return new About(request.requestId(), request.numero(), offer, collectivity, actor);
    }

    private static String referentLabel(ReferentSummary r) {
        return r.fullName() + (r.service() == null || r.service().isBlank() ? "" : " (" + r.service() + ")");
    }

    private static String labelled(String label, String text) {
        return text == null ? null : label + " : " + text;
    }

    /** A message written by someone, quoted, whitespace folded and cut after {@value #EXCERPT} characters. */
    static String quote(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String folded = text.strip().replaceAll("\\s+", " ");
        if (folded.length() > EXCERPT) {
            int cut = folded.lastIndexOf(' ', EXCERPT);
            folded = folded.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + "…";
        }
        return "« " + folded + " »";
    }
}
