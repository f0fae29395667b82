package fr.id77.membership;

/** Where a collectivity's adhesion stands. */
public enum AdhesionStatus {
    PENDING_EMAIL("E-mail à confirmer"),
    PENDING_VALIDATION("À valider par ID77"),
    ACTIVE("Adhérente"),
    REFUSED("Refusée"),
    SUSPENDED("Suspendue");

    private final String label;

    AdhesionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
