package fr.id77.notifications;

import static fr.id77.notifications.NotificationEvent.ACCEPTEE;
import static fr.id77.notifications.NotificationEvent.ANNULEE;
import static fr.id77.notifications.NotificationEvent.COMMENTAIRE;
import static fr.id77.notifications.NotificationEvent.CONTACT_ADHERENT;
import static fr.id77.notifications.NotificationEvent.CONTACT_CHEF_DE_FILE;
import static fr.id77.notifications.NotificationEvent.DOCUMENT;
import static fr.id77.notifications.NotificationEvent.NOUVELLE_DEMANDE;
import static fr.id77.notifications.NotificationEvent.REJETEE;
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
 * <li>The collectivity's members: accepted (or reopened), rejected, completed, deleted; a comment or a
 * document from ID77 staff; the responsable (contact chef de file) changed.</li>
 * <li>Its handlers, the offer's chef de file and the request's responsable (the admins when it has
 * neither): a new request, cancelled, a comment or a document from the collectivity, the technical
 * referent (contact adhérent) changed.</li>
 * <li>A newly designated responsable is told so.</li>
 * </ul>
 */
@Component
class RequestNotifications {

    private static final int EXCERPT = 300;

    /** What every message about one request says of it. */
    private record About(long requestId, int numero, String offer, String collectivity, String actor) {
        String link(String anchor) {
            return "/demandes/" + numero + anchor;
        }

        String label() {
            return "Voir la demande N°" + numero;
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
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        notifier.tell(
                handlers(e.request().chefDeFileId(), null),
                e.actorId(),
                new Message(
                        NOUVELLE_DEMANDE,
                        e.request().requestId(),
                        e.numero(),
                        "Nouvelle demande N°" + e.numero(),
                        a.actor() + " a déposé la demande N°" + e.numero() + " sur l'offre " + a.offer() + ".",
                        quote(e.message()),
                        a.link(""),
                        a.label()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void statusChanged(RequestEvents.StatusChanged e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        String demande = "la demande N°" + e.numero() + " (" + a.offer() + ")";
        String reason =
                e.reason() == null || e.reason().isBlank() ? null : e.reason().strip();
        // each status change: its kind of notification, its title, the sentence and, if any, the reason given
        Message message = switch (e.to()) {
            case EN_COURS ->
                e.from() == RequestStatus.EN_ATTENTE
                        ? status(
                                e,
                                a,
                                ACCEPTEE,
                                "acceptée",
                                "a accepté " + demande + " : elle est maintenant « En cours ».",
                                null)
                        : status(
                                e,
                                a,
                                ACCEPTEE,
                                "rouverte",
                                "a rouvert " + demande + " : elle est de nouveau « En cours ».",
                                labelled("Motif", reason));
            case REJETEE -> status(e, a, REJETEE, "rejetée", "a rejeté " + demande + ".", labelled("Motif", reason));
            case TERMINEE ->
                status(e, a, TERMINEE, "terminée", "a terminé " + demande + ".", labelled("Note de clôture", reason));
            case SUPPRIMEE ->
                status(e, a, SUPPRIMEE, "supprimée", "a supprimé " + demande + ".", labelled("Motif", reason));
            case ANNULEE -> status(e, a, ANNULEE, "annulée", "a annulé " + demande + ".", labelled("Motif", reason));
            case EN_ATTENTE -> null;
        };
        if (message == null) {
            return;
        }
        List<AccountSummary> recipients = e.to() == RequestStatus.ANNULEE
                ? handlers(e.request().chefDeFileId(), e.request().responsableId())
                : members(e.request().collectivityId());
        notifier.tell(recipients, e.actorId(), message);
    }

    /** « Demande N°12 acceptée » : {@code sentence} follows the name of who did it. */
    private static Message status(
            RequestEvents.StatusChanged e,
            About a,
            NotificationEvent kind,
            String done,
            String sentence,
            String detail) {
        return new Message(
                kind,
                e.request().requestId(),
                e.numero(),
                "Demande N°" + e.numero() + " " + done,
                a.actor() + " " + sentence,
                detail,
                a.link(""),
                a.label());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void commented(RequestEvents.Commented e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        notifier.tell(
                e.fromStaff()
                        ? members(e.request().collectivityId())
                        : handlers(e.request().chefDeFileId(), e.request().responsableId()),
                e.actorId(),
                new Message(
                        COMMENTAIRE,
                        e.request().requestId(),
                        e.numero(),
                        "Nouveau commentaire sur la demande N°" + e.numero(),
                        a.actor() + " a écrit sur la demande N°" + e.numero() + " (" + a.offer() + ") :",
                        quote(e.body()),
                        a.link("#commentaires"),
                        a.label()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void documentAdded(RequestEvents.DocumentAdded e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        String files = e.count() == 1 ? "un fichier" : e.count() + " fichiers";
        notifier.tell(
                e.fromStaff()
                        ? members(e.request().collectivityId())
                        : handlers(e.request().chefDeFileId(), e.request().responsableId()),
                e.actorId(),
                new Message(
                        DOCUMENT,
                        e.request().requestId(),
                        e.numero(),
                        (e.count() == 1 ? "Nouveau document" : "Nouveaux documents") + " sur la demande N°"
                                + e.numero(),
                        a.actor() + " a ajouté " + files + " à la demande N°" + e.numero() + " (" + a.offer() + ").",
                        null,
                        a.link("#fichiers"),
                        a.label()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void referentChanged(RequestEvents.ReferentChanged e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        String referent = e.referentId() == null
                ? null
                : collectivities
                        .referent(e.request().collectivityId(), e.referentId())
                        .map(RequestNotifications::referentLabel)
                        .orElse(null);
        String demande = "la demande N°" + e.numero() + " (" + a.offer() + ")";
        notifier.tell(
                handlers(e.request().chefDeFileId(), e.request().responsableId()),
                e.actorId(),
                new Message(
                        CONTACT_ADHERENT,
                        e.request().requestId(),
                        e.numero(),
                        "Contact adhérent modifié : demande N°" + e.numero(),
                        referent == null
                                ? a.actor() + " a retiré le référent technique de " + demande + "."
                                : a.actor() + " a désigné " + referent + " comme référent technique de " + demande
                                        + ".",
                        null,
                        a.link("#contact"),
                        a.label()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void responsableChanged(RequestEvents.ResponsableChanged e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        String demande = "la demande N°" + e.numero() + " (" + a.offer() + ")";
        AccountSummary responsable = e.request().responsableId() == null
                ? null
                : accounts.summary(e.request().responsableId()).orElse(null);
        notifier.tell(
                members(e.request().collectivityId()),
                e.actorId(),
                new Message(
                        CONTACT_CHEF_DE_FILE,
                        e.request().requestId(),
                        e.numero(),
                        "Contact chef de file modifié : demande N°" + e.numero(),
                        responsable == null
                                ? a.actor() + " a retiré le responsable de " + demande + " : le chef de file la suit."
                                : a.actor() + " a désigné " + responsable.displayName() + " comme responsable de "
                                        + demande + ".",
                        null,
                        a.link(""),
                        a.label()));
        if (responsable != null) {
            notifier.tell(
                    List.of(responsable),
                    e.actorId(),
                    new Message(
                            CONTACT_CHEF_DE_FILE,
                            e.request().requestId(),
                            e.numero(),
                            "Vous êtes responsable de la demande N°" + e.numero(),
                            a.actor() + " vous a désigné(e) responsable de " + demande + ", déposée par "
                                    + a.collectivity() + ".",
                            null,
                            a.link(""),
                            a.label()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void chefDeFileChanged(RequestEvents.ChefDeFileChanged e) {
        About a = about(
                e.request().requestId(),
                e.numero(),
                e.request().offerId(),
                e.request().collectivityId(),
                e.actorId());
        String demande = "la demande N°" + e.numero() + " (" + a.offer() + ")";
        AccountSummary chef = e.request().chefDeFileId() == null
                ? null
                : accounts.summary(e.request().chefDeFileId()).orElse(null);
        notifier.tell(
                members(e.request().collectivityId()),
                e.actorId(),
                new Message(
                        CONTACT_CHEF_DE_FILE,
                        e.request().requestId(),
                        e.numero(),
                        "Contact chef de file modifié : demande N°" + e.numero(),
                        chef == null
                                ? "L'équipe ID77 suit désormais " + demande + "."
                                : chef.displayName() + " est désormais le chef de file de " + demande + ".",
                        null,
                        a.link(""),
                        a.label()));
        notifier.tell(
                handlers(e.request().chefDeFileId(), null),
                e.actorId(),
                new Message(
                        CONTACT_CHEF_DE_FILE,
                        e.request().requestId(),
                        e.numero(),
                        "Vous suivez désormais la demande N°" + e.numero(),
                        a.actor() + " vous a confié l'offre " + a.offer() + " : " + demande + ", déposée par "
                                + a.collectivity() + ", vous revient.",
                        null,
                        a.link(""),
                        a.label()));
    }

    // --- recipients ------------------------------------------------------------------------------

    /** The members of the collectivity that filed the request. */
    private List<AccountSummary> members(long collectivityId) {
        return accounts.members(collectivityId).stream()
                .filter(m -> m.role() == Role.ADHERENT)
                .toList();
    }

    /** The chef de file and the responsable; the admins when the request has no active handler. */
    private List<AccountSummary> handlers(Long chefDeFileId, Long responsableId) {
        List<Long> ids = Stream.of(chefDeFileId, responsableId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<AccountSummary> handlers = new ArrayList<>(accounts.summaries(ids).values().stream()
                .filter(h -> h.status() == AccountStatus.ACTIVE)
                .toList());
        return handlers.isEmpty() ? accounts.active(Role.ADMIN) : handlers;
    }

    // --- wording ---------------------------------------------------------------------------------

    private About about(long requestId, int numero, long offerId, long collectivityId, long actorId) {
        String offer = offers.byIds(List.of(offerId)).values().stream()
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
        return new About(requestId, numero, offer, collectivity, actor);
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
