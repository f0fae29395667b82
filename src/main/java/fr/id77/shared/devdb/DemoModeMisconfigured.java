package fr.id77.shared.devdb;

/** The run mode cannot be decided safely; carries the French explanation and the ways out. */
class DemoModeMisconfigured extends RuntimeException {

    private final String action;

    private DemoModeMisconfigured(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }

    static DemoModeMisconfigured noDatabase() {
        return new DemoModeMisconfigured(
                "ID77 ne démarre pas : aucune base de données n'est configurée (SPRING_DATASOURCE_URL absente) "
                        + "et le mode démonstration n'a pas été demandé.",
                """
                Deux possibilités :
                  1. En production, indiquez la base PostgreSQL :
                     SPRING_DATASOURCE_URL=jdbc:postgresql://serveur:5432/id77
                     SPRING_DATASOURCE_USERNAME=... SPRING_DATASOURCE_PASSWORD=...
                  2. Pour essayer ID77 sur ce poste, demandez explicitement le mode démonstration :
                     ID77_DEMO=true (ou ./mvnw spring-boot:run, qui le demande) : base PostgreSQL embarquée,
                     comptes de démonstration au mot de passe connu, écoute sur 127.0.0.1 seulement.""");
    }

    static DemoModeMisconfigured demoWithDatabase() {
        return new DemoModeMisconfigured(
                "ID77 ne démarre pas : le mode démonstration (ID77_DEMO=true, ou ./mvnw spring-boot:run) est demandé "
                        + "alors qu'une base de données est configurée (SPRING_DATASOURCE_URL). Le mode démonstration "
                        + "crée des comptes au mot de passe connu : il n'utilise que sa propre base embarquée.",
                """
                Choisissez :
                  1. Utiliser la base configurée : retirez ID77_DEMO (ou lancez ./mvnw spring-boot:run -Did77.demo=false).
                  2. Faire une démonstration : retirez SPRING_DATASOURCE_URL.""");
    }

    static DemoModeMisconfigured unreadable(String value) {
        return new DemoModeMisconfigured(
                "ID77 ne démarre pas : ID77_DEMO (id77.demo) vaut « " + value + " », ni true ni false.",
                "Indiquez ID77_DEMO=true pour le mode démonstration, ou retirez-la (ou false) en production.");
    }
}
