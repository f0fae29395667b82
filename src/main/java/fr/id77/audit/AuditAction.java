package fr.id77.audit;

/** A kind of decision the journal records (its name is stored), with its French label and the kind of subject. */
enum AuditAction {
    ADHESION_VALIDATED("Adhésion validée", Subject.COLLECTIVITY),
    ADHESION_REFUSED("Adhésion refusée", Subject.COLLECTIVITY),
    COLLECTIVITY_SUSPENDED("Collectivité suspendue", Subject.COLLECTIVITY),
    COLLECTIVITY_REACTIVATED("Collectivité réactivée", Subject.COLLECTIVITY),
    ACCOUNT_INVITED("Compte créé par invitation (rôle attribué)", Subject.ACCOUNT),
    ACCOUNT_DISABLED("Compte désactivé", Subject.ACCOUNT),
    ACCOUNT_ENABLED("Compte réactivé", Subject.ACCOUNT),
    OFFER_PUBLISHED("Offre publiée", Subject.OFFER),
    OFFER_WITHDRAWN("Offre retirée du catalogue", Subject.OFFER),
    OFFER_LEAD_CHANGED("Chef de file changé", Subject.OFFER);

    /** What a decision is about (stored in {@code subject_type}). */
    enum Subject {
        COLLECTIVITY("Collectivité"),
        ACCOUNT("Compte"),
        OFFER("Offre");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Subject subject;

    AuditAction(String label, Subject subject) {
        this.label = label;
        this.subject = subject;
    }

    public String label() {
        return label;
    }

    Subject subject() {
        return subject;
    }
}
