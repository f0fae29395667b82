package fr.id77.loans;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.membership.ReferentSummary;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestStatus;
import fr.id77.requests.RequestWorkflow;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import fr.id77.shared.time.DemoClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (embedded database mode only, once, after the demo requests): « Commune de MaCommune » has borrowed or asks
 * for a few exhibitions, so that their offer pages and the staff calendar are filled: a loan under way (R03), a loan to
 * come on a two-copy exhibition (R01) with a second wish over part of it (those days read « demandé »), a wish
 * waiting (R05) and a cancelled one (R02).
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(40)
class DemoLoans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoans.class);

    private final JdbcClient jdbc;
    private final LoanBookings bookings;
    private final Exhibitions exhibitions;
    private final RequestWorkflow workflow;
    private final Offers offers;
    private final Accounts accounts;
    private final Collectivities collectivities;
    private final DemoClock clock;

    DemoLoans(
            JdbcClient jdbc,
            LoanBookings bookings,
            Exhibitions exhibitions,
            RequestWorkflow workflow,
            Offers offers,
            Accounts accounts,
            Collectivities collectivities,
            DemoClock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.exhibitions = exhibitions;
        this.workflow = workflow;
        this.offers = offers;
        this.accounts = accounts;
        this.collectivities = collectivities;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<AccountSummary> member = accounts.byIdentifiant("macommune");
        Optional<AccountSummary> chef = accounts.byIdentifiant("chefdefile");
        if (member.isEmpty()
                || chef.isEmpty()
                || jdbc.sql("SELECT count(*) FROM loan_booking")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        long collectivity = member.get().collectivityId();
        List<Long> referents = collectivities.activeReferents(collectivity).stream()
                .map(ReferentSummary::id)
                .toList();
        if (referents.isEmpty()) {
            return;
        }
        Actor commune = Actor.adherent(member.get().id(), collectivity);
        Actor chefDeFile = Actor.chefDeFile(chef.get().id());
        long referent = referents.getFirst();
        LocalDate today = bookings.today();
        try {
            // R03: filed and accepted five weeks ago, on loan since last week
            clock.moveTo(clock.instant().minus(Duration.ofDays(35)));
            int underWay = book(
                    commune,
                    "R03",
                    today.minusDays(7),
                    today.plusDays(14),
                    referent,
                    "Pour la semaine du développement durable, dans le hall de la mairie.");
            accept(underWay, chefDeFile);
            clock.reset();
            // R01 has two copies: a loan to come, and a second wish over part of it (which the other copy takes)
            exhibitions.ensure(offerId("R01"));
            exhibitions.addCopy(offerId("R01"), "Exemplaire 2");
            int toCome = book(
                    commune,
                    "R01",
                    today.plusDays(12),
                    today.plusDays(33),
                    referent,
                    "Exposition prévue à la médiathèque ; retrait par les services techniques.");
            accept(toCome, chefDeFile);
            book(
                    commune,
                    "R01",
                    today.plusDays(25),
                    today.plusDays(45),
                    referent,
                    "Une seconde présentation, à l'école élémentaire cette fois.");
            // R05: a wish the chef de file has not answered yet
            book(
                    commune,
                    "R05",
                    today.plusDays(40),
                    today.plusDays(54),
                    referent,
                    "Pour le forum des associations de septembre.");
            // R02: a wish the commune cancelled: its period is free again
            int cancelled = book(commune, "R02", today.plusDays(20), today.plusDays(30), referent, null);
            workflow.changeStatus(
                    cancelled, RequestStatus.ANNULEE, "Date du forum déplacée.", version(cancelled), commune);
        } finally {
            clock.reset();
        }
        log.info("Démonstration : prêts d'expositions chargés (R01, R02, R03, R05).");
    }

    private int book(Actor actor, String code, LocalDate start, LocalDate end, long referent, String message) {
        Offers.OfferSummary offer = offers.publishedByCode(code).orElseThrow();
        return bookings.book(actor, offer, start, end, referent, message, null);
    }

    private void accept(int numero, Actor chef) {
        workflow.changeStatus(numero, RequestStatus.EN_COURS, null, version(numero), chef);
    }

    private long offerId(String code) {
        return offers.publishedByCode(code).orElseThrow().id();
    }

    /** Demo only: the request's version, which the requests module keeps to itself. */
    private long version(int numero) {
        return jdbc.sql("SELECT version FROM request WHERE numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }
}
