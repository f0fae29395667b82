package fr.id77.notifications;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import java.util.Arrays;
import java.util.List;

/** What a person can be told of, in the order of the settings table (the user guide's numbers first). */
enum NotificationEvent {
    ACCEPTEE(1, "Demande acceptée", Audience.EVERYONE),
    SUPPRIMEE(2, "Demande supprimée", Audience.EVERYONE),
    REJETEE(3, "Demande rejetée", Audience.EVERYONE),
    ANNULEE(4, "Demande annulée", Audience.EVERYONE),
    TERMINEE(5, "Demande terminée", Audience.EVERYONE),
    COMMENTAIRE(6, "Nouveau commentaire", Audience.EVERYONE),
    DOCUMENT(7, "Nouveau document ajouté", Audience.EVERYONE),
    CONTACT_ADHERENT(8, "Contact adhérent modifié", Audience.EVERYONE),
    CONTACT_CHEF_DE_FILE(9, "Contact chef de file modifié", Audience.EVERYONE),
    NOUVELLE_DEMANDE(10, "Nouvelle demande", Audience.STAFF),
    NOUVELLE_INSCRIPTION(11, "Nouvelle inscription à valider", Audience.ADMINS),
    COMPLEMENTS_DEMANDES(12, "Compléments demandés", Audience.EVERYONE),
    COMPLEMENTS_TRANSMIS(13, "Compléments transmis", Audience.STAFF),
    DEPOT_COLLEGUE(14, "Demande déposée par un collègue", Audience.MEMBERS),
    RELANCE_RETARD(15, "Relance : demande en retard", Audience.STAFF),
    RELANCE_COMPLEMENTS(16, "Relance : compléments attendus", Audience.MEMBERS),
    NOTE_INTERNE(17, "Note interne", Audience.STAFF),
    RAPPEL_RETRAIT(18, "Rappel : retrait d'exposition", Audience.EVERYONE),
    RAPPEL_RETOUR(19, "Rappel : retour d'exposition", Audience.EVERYONE),
    INSCRIPTION_SESSION(21, "Inscription à une session", Audience.MEMBERS),
    PLACE_LIBEREE(22, "Place libérée : inscription confirmée", Audience.MEMBERS),
    SESSION_ANNULEE(23, "Session annulée", Audience.MEMBERS),
    NOUVELLE_INSCRIPTION_SESSION(24, "Nouvelle inscription à une session", Audience.STAFF);

    enum Audience {
        EVERYONE,
        MEMBERS,
        STAFF,
        ADMINS
    }

    private final int number;
    private final String label;
    private final Audience audience;

    NotificationEvent(int number, String label, Audience audience) {
        this.number = number;
        this.label = label;
        this.audience = audience;
    }

    public int getNumber() {
        return number;
    }

    public String getLabel() {
        return label;
    }

    /** Rows only ID77's staff see (set apart in the settings table). */
    public boolean isForStaff() {
        return audience == Audience.STAFF || audience == Audience.ADMINS;
    }

    boolean concerns(CurrentUser user) {
        return switch (audience) {
            case EVERYONE -> true;
            case MEMBERS -> user.hasRole(Role.ADHERENT);
            case STAFF -> mayChooseDigest(user);
            case ADMINS -> user.isAdmin();
        };
    }

    /** ID77's staff may have their mails of some events gathered in a daily digest instead of one by one. */
    static boolean mayChooseDigest(CurrentUser user) {
        return user.isAdmin() || user.hasRole(Role.CHEF_DE_FILE);
    }

    /** The rows of the settings table this person sees. */
    static List<NotificationEvent> shownTo(CurrentUser user) {
        return Arrays.stream(values()).filter(e -> e.concerns(user)).toList();
    }
}
