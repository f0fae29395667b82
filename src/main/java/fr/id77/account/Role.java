package fr.id77.account;

/** What a person may do on the platform. */
public enum Role {
    ADHERENT("Adhérent"),
    CHEF_DE_FILE("Chef de file"),
    ADMIN("Administrateur");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
