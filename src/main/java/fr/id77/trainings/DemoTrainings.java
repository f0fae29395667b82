package fr.id77.trainings;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import fr.id77.shared.time.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data (embedded database mode only, once): sessions of two training offers led by « chefdefile » — one upcoming
 * with seats left, one full with a waiting list, one cancelled, one held last month with its attendance marked —
 * with participants of « Commune de MaCommune » and of the Pays de Meaux.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(35)
class DemoTrainings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTrainings.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Collectivities collectivities;
    private final Offers offers;
    private final Clock clock;

    DemoTrainings(JdbcClient jdbc, Accounts accounts, Collectivities collectivities, Offers offers, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.collectivities = collectivities;
        this.offers = offers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<AccountSummary> chef = accounts.byIdentifiant("chefdefile");
        Optional<AccountSummary> member = accounts.byIdentifiant("macommune");
        Optional<Long> meaux =
                collectivities.idsMatching("Pays de Meaux", "").stream().findFirst();
        Optional<Offers.OfferSummary> f101 = offers.publishedByCode("F101");
        Optional<Offers.OfferSummary> f102 = offers.publishedByCode("F102");
        if (chef.isEmpty()
                || member.isEmpty()
                || member.get().collectivityId() == null
                || meaux.isEmpty()
                || f101.isEmpty()
                || f102.isEmpty()
                || jdbc.sql("SELECT count(*) FROM training_session")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        long by = chef.get().id();
        long commune = member.get().collectivityId();
        long agglo = meaux.get();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));

        long open = session(
                f101.get().id(),
                today.plusWeeks(3),
                9,
                12,
                "Hôtel du Département, Melun",
                false,
                10,
                today.plusWeeks(2),
                by);
        register(
                open,
                commune,
                member.get().id(),
                "CONFIRMED",
                List.of(
                        new P("Claire Martin", "Maire adjointe à l'urbanisme", "claire.martin@macommune.example"),
                        new P("Hugo Bernard", "Conseiller municipal", "hugo.bernard@macommune.example")));
        register(
                open,
                agglo,
                by,
                "CONFIRMED",
                List.of(new P("Sophie Laurent", "Vice-présidente aménagement", "s.laurent@meaux.example")));

        long full = session(f101.get().id(), today.plusWeeks(5), 14, 17, null, true, 4, today.plusWeeks(4), by);
        register(
                full,
                agglo,
                by,
                "CONFIRMED",
                List.of(
                        new P("Marc Petit", "Directeur des services techniques", "m.petit@meaux.example"),
                        new P("Inès Roux", "Chargée de mission urbanisme", "i.roux@meaux.example"),
                        new P("Paul Garnier", "Conseiller communautaire", "p.garnier@meaux.example")));
        register(
                full,
                commune,
                member.get().id(),
                "CONFIRMED",
                List.of(new P("Julie Moreau", "Secrétaire de mairie", "julie.moreau@macommune.example")));
        register(
                full,
                commune,
                member.get().id(),
                "WAITING",
                List.of(
                        new P("Thomas Fournier", "Maire", "maire@macommune.example"),
                        new P("Nadia Chevalier", "Adjointe aux travaux", "n.chevalier@macommune.example")));

        long cancelled = session(
                f102.get().id(),
                today.plusWeeks(2),
                9,
                17,
                "Maison de l'intercommunalité, Provins",
                false,
                12,
                today.plusWeeks(1),
                by);
        register(
                cancelled,
                commune,
                member.get().id(),
                "CONFIRMED",
                List.of(new P("Hugo Bernard", "Conseiller municipal", "hugo.bernard@macommune.example")));
        jdbc.sql("UPDATE training_session SET cancelled_at = now(), cancel_reason = :r WHERE id = :id")
                .param("r", "Intervenant indisponible : une nouvelle date sera proposée au printemps.")
                .param("id", cancelled)
                .update();

        long held = session(
                f102.get().id(),
                today.minusWeeks(4),
                9,
                12,
                "Hôtel du Département, Melun",
                false,
                12,
                today.minusWeeks(5),
                by);
        register(
                held,
                commune,
                member.get().id(),
                "CONFIRMED",
                List.of(
                        new P("Claire Martin", "Maire adjointe à l'urbanisme", "claire.martin@macommune.example"),
                        new P("Julie Moreau", "Secrétaire de mairie", "julie.moreau@macommune.example")));
        register(
                held,
                agglo,
                by,
                "CONFIRMED",
                List.of(
                        new P("Marc Petit", "Directeur des services techniques", "m.petit@meaux.example"),
                        new P("Inès Roux", "Chargée de mission urbanisme", "i.roux@meaux.example")));
        jdbc.sql("UPDATE session_registration SET attended = (email <> 'i.roux@meaux.example') WHERE session_id = :s")
                .param("s", held)
                .update();
        log.info("Démonstration : 4 sessions de formation (F101, F102) avec leurs participants");
    }

    /** A participant of the demo. */
    private record P(String name, String function, String email) {}

    private long session(
            long offerId,
            LocalDate day,
            int from,
            int to,
            String place,
            boolean remote,
            int seats,
            LocalDate deadline,
            long by) {
        return jdbc.sql(
                        "INSERT INTO training_session (offer_id, starts_at, ends_at, place, remote, seats, "
                                + "registration_deadline, created_by) VALUES (:o, :s, :e, :p, :r, :seats, :d, :by) RETURNING id")
                .param("o", offerId)
                .param(
                        "s",
                        Timestamp.from(day.atTime(LocalTime.of(from, 0))
                                .atZone(TimeConfiguration.PARIS)
                                .toInstant()))
                .param(
                        "e",
                        Timestamp.from(day.atTime(LocalTime.of(to, 0))
                                .atZone(TimeConfiguration.PARIS)
                                .toInstant()))
                .param("p", place)
                .param("r", remote)
                .param("seats", seats)
                .param("d", deadline)
                .param("by", by)
                .query(Long.class)
                .single();
    }

    private void register(long session, long collectivity, long by, String status, List<P> people) {
        for (P p : people) {
            jdbc.sql("INSERT INTO session_registration (session_id, collectivity_id, registered_by, participant_name, "
                            + "participant_function, email, status, confirmed_at) VALUES (:s, :c, :by, :n, :f, :e, :st, "
                            + "CASE WHEN :st = 'CONFIRMED' THEN now() END)")
                    .param("s", session)
                    .param("c", collectivity)
                    .param("by", by)
                    .param("n", p.name())
                    .param("f", p.function())
                    .param("e", p.email())
                    .param("st", status)
                    .update();
        }
    }
}
