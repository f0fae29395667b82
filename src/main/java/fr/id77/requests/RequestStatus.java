package fr.id77.requests;

/** Status of a request, with its French label and the colour of its badge (text always shown too). */
public enum RequestStatus {
    EN_ATTENTE("En attente", "status-pending"),
    EN_COURS("En cours", "status-progress"),
    /** ID77 asked the collectivity for information: the answer clock stops until it transmits them. */
    COMPLEMENTS("Compléments demandés", "status-complements"),
    TERMINEE("Terminée", "status-done"),
    REJETEE("Rejetée", "status-rejected"),
    ANNULEE("Annulée", "status-cancelled"),
    SUPPRIMEE("Supprimée", "status-deleted");

    private final String label;
    private final String cssClass;

    RequestStatus(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String getLabel() {
        return label;
    }

    public String getCssClass() {
        return cssClass;
    }

    /** Open requests are those a duplicate warning is about. */
    public boolean isOpen() {
        return this == EN_ATTENTE || this == EN_COURS || this == COMPLEMENTS;
    }
}
