package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People and sessions for the tests of trainings: a collectivity and its member, another collectivity's member, the
 * chef de file of a training offer, another chef de file, an admin; sessions written straight to the database (in
 * the past too, which the form refuses).
 */
record TrainingFixtures(
        JdbcClient jdbc,
        Fixtures.Collectivity commune,
        CurrentUser member,
        CurrentUser colleague,
        CurrentUser otherMember,
        CurrentUser chef,
        CurrentUser otherChef,
        CurrentUser admin,
        long offerId) {

    static final String OFFER = "F101";
    static final String OTHER_OFFER = "F102";
    private static final AtomicInteger SEQ = new AtomicInteger();

    static TrainingFixtures create(JdbcClient jdbc) {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Formaville", "Melun");
        CurrentUser chef = f.chefDeFile("Paul");
        CurrentUser otherChef = f.chefDeFile("Lucie");
        long offerId = f.lead(OFFER, chef);
        f.lead(OTHER_OFFER, otherChef);
        return new TrainingFixtures(
                jdbc,
                commune,
                f.adherent(commune, "Anne"),
                f.adherent(commune, "Chloé"),
                f.adherent(f.collectivity("Commune d'Ailleurs", "Provins"), "Bruno"),
                chef,
                otherChef,
                f.admin("Claire"),
                offerId);
    }

    /** A session of the offer starting {@code in} from now (negative: in the past), deadline the day before it. */
    long session(Duration in, int seats) {
        Instant start = Instant.now().plus(in);
        return session(OFFER, start, seats, LocalDate.now().plusDays(in.toDays() - 1));
    }

    long session(String offerCode, Instant start, int seats, LocalDate deadline) {
        return jdbc.sql("INSERT INTO training_session (offer_id, starts_at, ends_at, place, remote, seats, "
                        + "registration_deadline, created_by) SELECT id, :s, :e, 'Salle du conseil, Melun', FALSE, :seats, "
                        + ":d, :by FROM offer WHERE code = :code RETURNING id")
                .param("s", Timestamp.from(start))
                .param("e", Timestamp.from(start.plus(Duration.ofHours(3))))
                .param("seats", seats)
                .param("d", deadline)
                .param("by", chef.id())
                .param("code", offerCode)
                .query(Long.class)
                .single();
    }

    /** A participant with an address of its own (unique across the test run). */
    static Registrations.Participant participant(String name) {
        int n = SEQ.incrementAndGet();
        return new Registrations.Participant(
                0,
                name,
                "Agent",
                name.toLowerCase().replace(' ', '.') + "." + n + "." + System.nanoTime() + "@test.example");
    }

    String status(long registrationId) {
        return jdbc.sql("SELECT status FROM session_registration WHERE id = :id")
                .param("id", registrationId)
                .query(String.class)
                .single();
    }

    long registrationOf(long sessionId, String name) {
        return jdbc.sql("SELECT id FROM session_registration WHERE session_id = :s AND participant_name = :n")
                .param("s", sessionId)
                .param("n", name)
                .query(Long.class)
                .single();
    }
}
