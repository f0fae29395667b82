package fr.id77.account;

/** Only ACTIVE accounts with a chosen password sign in. */
public enum AccountStatus {
    PENDING("En attente de validation"),
    ACTIVE("Actif"),
    REFUSED("Refusé"),
    SUSPENDED("Suspendu"),
    DISABLED("Désactivé");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
