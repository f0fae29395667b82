package fr.id77.membership;

import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.membership.Choices.Canton;
import fr.id77.membership.Choices.Category;
import fr.id77.membership.Choices.Civility;
import fr.id77.membership.Choices.RepresentativeTitle;
import fr.id77.membership.MembershipForms.CollectivityFields;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo data (embedded database mode only, idempotent): collectivities, referents, the « macommune » account. */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(20)
class DemoMembership implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMembership.class);
    private static final String PASSWORD = "Demo77-Demo77";

    private final CollectivityRepository collectivities;
    private final TechnicalReferentRepository referents;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    DemoMembership(
            CollectivityRepository collectivities,
            TechnicalReferentRepository referents,
            Accounts accounts,
            ApplicationEventPublisher events) {
        this.collectivities = collectivities;
        this.referents = referents;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (collectivities.findByName("Commune de MaCommune").isEmpty()) {
            Collectivity mine = collectivity(
                    "Commune de MaCommune",
                    Category.COMMUNE,
                    "21770288500013",
                    3400,
                    Canton.FONTAINEBLEAU,
                    AdhesionStatus.ACTIVE);
            referents.save(new TechnicalReferent(
                    mine.getId(),
                    new ReferentForm(
                            "Responsable urbanisme",
                            "Anne Test",
                            "Service Urbanisme",
                            "anne.test@macommune.example",
                            "01 64 43 45 46",
                            true,
                            0)));
            referents.save(new TechnicalReferent(
                    mine.getId(),
                    new ReferentForm(
                            "Chargé de projets",
                            "Jean Test",
                            "Direction générale",
                            "jean.test@macommune.example",
                            "01 64 43 46 47",
                            false,
                            0)));
            accounts.createDemoAccount(
                    new NewAccount(
                            "macommune",
                            "mairie@macommune.example",
                            "MME",
                            "Aurélie",
                            "Lebrun",
                            "01 54 13 56 78",
                            Role.ADHERENT,
                            mine.getId()),
                    PASSWORD);
            collectivity(
                    "Communauté d'agglomération du Pays de Meaux",
                    Category.EPCI,
                    "20004183300019",
                    105000,
                    Canton.MEAUX,
                    AdhesionStatus.ACTIVE);
            Collectivity pending = collectivity(
                    "Commune de Villeneuve-sur-Bellot",
                    Category.COMMUNE,
                    "21770513700016",
                    1150,
                    Canton.COULOMMIERS,
                    AdhesionStatus.PENDING_VALIDATION);
            accounts.registerApplicant(new NewAccount(
                    "villeneuve",
                    "mairie@villeneuve.example",
                    "M",
                    "Marc",
                    "Durand",
                    "01 64 04 12 34",
                    Role.ADHERENT,
                    pending.getId()));
            accounts.confirmDemoEmail("villeneuve");
            events.publishEvent(new RegistrationAwaitingValidation(pending.getId(), pending.getName()));
            collectivity(
                    "Syndicat des eaux du Provinois",
                    Category.SYNDICAT,
                    "25770112300016",
                    24000,
                    Canton.PROVINS,
                    AdhesionStatus.SUSPENDED);
        }
        log.info("""

                ======== Comptes de démonstration (mot de passe {}) ========
                  admin       administrateur ID77
                  chefdefile  chef de file
                  macommune   adhérent de « Commune de MaCommune » (2 contacts techniques)
                  Courriels envoyés par l'application : /courriels
                ============================================================""", PASSWORD);
    }

    private Collectivity collectivity(
            String name, Category category, String siret, int population, Canton canton, AdhesionStatus status) {
        return collectivities.save(new Collectivity(
                new CollectivityFields(
                        name,
                        category,
                        siret,
                        String.valueOf(population),
                        canton,
                        category == Category.COMMUNE ? RepresentativeTitle.MAIRE : RepresentativeTitle.PRESIDENT,
                        Civility.M,
                        "Pierre",
                        "Martin",
                        Civility.MME,
                        "Sophie",
                        "Bernard"),
                status));
    }
}
