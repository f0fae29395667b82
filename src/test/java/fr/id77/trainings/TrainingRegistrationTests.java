package fr.id77.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.shared.web.FieldRefusal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registrations against the real database: seats, waiting list, promotion, refusals, attendance, reminders, figures. */
@SpringBootTest
class TrainingRegistrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registrations registrations;

    @Autowired
    SessionAdmin admin;

    @Autowired
    SessionReminders reminders;

    @Autowired
    TrainingFigures figures;

    TrainingFixtures t;

    @BeforeEach
    void people() {
        t = TrainingFixtures.create(jdbc);
    }

    @Test
    void fiftyParallelRegistrationsForTenSeatsConfirmExactlyTenAndQueueTheRestInOrder() throws Exception {
        long session = t.session(Duration.ofDays(20), 10);
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Registrations.Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Registrations.Participant p = TrainingFixtures.participant("Agent " + i);
                Callable<Registrations.Outcome> task = () -> {
                    start.await();
                    return registrations.register(t.member(), session, List.of(p));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int confirmed = 0;
            int waiting = 0;
            for (Future<Registrations.Outcome> r : results) {
                Registrations.Outcome outcome = r.get();
                confirmed += outcome.confirmed().size();
                waiting += outcome.waiting().size();
            }
            assertThat(confirmed).isEqualTo(10);
            assertThat(waiting).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        List<String> inOrder = jdbc.sql(
                        "SELECT status FROM session_registration WHERE session_id = :s ORDER BY created_at, id")
                .param("s", session)
                .query(String.class)
                .list();
        assertThat(inOrder).hasSize(50);
        assertThat(inOrder.subList(0, 10)).containsOnly("CONFIRMED");
        assertThat(inOrder.subList(10, 50)).containsOnly("WAITING");
    }

    @Test
    void theDatabaseRefusesAConfirmedSeatBeyondTheSeatsWhoeverWritesIt() {
        long session = t.session(Duration.ofDays(20), 1);
        registrations.register(t.member(), session, List.of(TrainingFixtures.participant("Anne Une")));
        assertThatThrownBy(
                        () -> jdbc.sql("INSERT INTO session_registration (session_id, collectivity_id, registered_by, "
                                        + "participant_name, participant_function, email, status) VALUES (:s, :c, :u, 'X', 'Y', "
                                        + "'x@test.example', 'CONFIRMED')")
                                .param("s", session)
                                .param("c", t.commune().id())
                                .param("u", t.member().id())
                                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("complète");
    }

    @Test
    void fewerSeatsThanParticipantsGivesTheFirstOnesSeatsAndQueuesTheOthers() {
        long session = t.session(Duration.ofDays(20), 2);
        Registrations.Outcome outcome = registrations.register(
                t.member(),
                session,
                List.of(
                        TrainingFixtures.participant("Alice Premier"),
                        TrainingFixtures.participant("Bob Second"),
                        TrainingFixtures.participant("Chloe Troisieme")));
        assertThat(outcome.confirmed()).containsExactly("Alice Premier", "Bob Second");
        assertThat(outcome.waiting()).containsExactly("Chloe Troisieme");
        assertThat(RegistrationMessages.confirmation(outcome, "12/01/2027"))
                .contains("2 participants ont une place")
                .contains("liste d'attente (Chloe Troisieme)");
    }

    @Test
    void aCancelledSeatGoesToTheFirstWaitingWhoIsMailedTheIcs() {
        long session = t.session(Duration.ofDays(20), 1);
        registrations.register(t.member(), session, List.of(TrainingFixtures.participant("Seated One")));
        Registrations.Participant first = TrainingFixtures.participant("Waiting First");
        registrations.register(t.otherMember(), session, List.of(first));
        registrations.register(t.member(), session, List.of(TrainingFixtures.participant("Waiting Second")));

        registrations.cancel(t.member(), t.registrationOf(session, "Seated One"));

        assertThat(t.status(t.registrationOf(session, "Seated One"))).isEqualTo("CANCELLED");
        assertThat(t.status(t.registrationOf(session, "Waiting First"))).isEqualTo("CONFIRMED");
        assertThat(t.status(t.registrationOf(session, "Waiting Second"))).isEqualTo("WAITING");
        List<String> mails = jdbc.sql("SELECT subject || '|' || coalesce(attachment_name, '') FROM mail_outbox "
                        + "WHERE recipient = :r ORDER BY id")
                .param("r", first.email())
                .query(String.class)
                .list();
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0)).contains("liste d'attente").endsWith("|");
        assertThat(mails.get(1)).contains("Une place s'est libérée").endsWith("|session-" + session + ".ics");
        // the waiting one's collectivity is told in the application
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND event = 'PLACE_LIBEREE'")
                        .param("u", t.otherMember().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anotherCollectivitysMemberCannotCancelARegistration() {
        long session = t.session(Duration.ofDays(20), 5);
        registrations.register(t.member(), session, List.of(TrainingFixtures.participant("Kept Here")));
        long id = t.registrationOf(session, "Kept Here");
        assertThatThrownBy(() -> registrations.cancel(t.otherMember(), id)).hasMessageContaining("404");
        assertThatThrownBy(() -> registrations.cancel(t.otherChef(), id)).hasMessageContaining("404");
        assertThat(t.status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void theSamePersonTwiceIsRefusedNextToHisAddress() {
        long session = t.session(Duration.ofDays(20), 5);
        Registrations.Participant p = TrainingFixtures.participant("Deux Fois");
        registrations.register(t.member(), session, List.of(p));
        Registrations.Participant again =
                new Registrations.Participant(3, "Deux Fois", "Agent", p.email().toUpperCase());
        assertThatThrownBy(() -> registrations.register(t.colleague(), session, List.of(again)))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("déjà inscrit")
                .extracting(e -> ((FieldRefusal) e).field())
                .isEqualTo("participants[3].email");
    }

    @Test
    void registrationIsRefusedAfterTheDeadlineForACancelledOrPastSession() {
        long late = t.session(
                TrainingFixtures.OFFER,
                java.time.Instant.now().plus(Duration.ofDays(5)),
                5,
                LocalDate.now().minusDays(1));
        assertThatThrownBy(() ->
                        registrations.register(t.member(), late, List.of(TrainingFixtures.participant("Trop Tard"))))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("date limite d'inscription");
        long past = t.session(Duration.ofDays(-3), 5);
        assertThatThrownBy(
                        () -> registrations.register(t.member(), past, List.of(TrainingFixtures.participant("Passe"))))
                .hasMessageContaining("déjà eu lieu");
        long cancelled = t.session(Duration.ofDays(20), 5);
        admin.cancel(t.chef(), cancelled, "Intervenant malade");
        assertThatThrownBy(() ->
                        registrations.register(t.member(), cancelled, List.of(TrainingFixtures.participant("Annule"))))
                .hasMessageContaining("annulée");
    }

    @Test
    void cancellingASessionMailsEveryParticipantAndTellsEachCollectivity() {
        long session = t.session(Duration.ofDays(20), 1);
        Registrations.Participant seated = TrainingFixtures.participant("Seated Person");
        Registrations.Participant waiting = TrainingFixtures.participant("Waiting Person");
        registrations.register(t.member(), session, List.of(seated));
        registrations.register(t.otherMember(), session, List.of(waiting));

        assertThatThrownBy(() -> admin.cancel(t.otherChef(), session, "pas à moi"))
                .hasMessageContaining("404");
        admin.cancel(t.chef(), session, "Intervenant indisponible");

        for (String to : List.of(seated.email(), waiting.email())) {
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE '%Session annulée%' "
                                            + "AND attachment_name IS NOT NULL AND text_body LIKE '%Intervenant indisponible%'")
                            .param("r", to)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        for (long user : List.of(t.colleague().id(), t.otherMember().id())) {
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND event = 'SESSION_ANNULEE'")
                            .param("u", user)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void attendanceIsMarkedAfterTheSessionAndFeedsTheFigures() {
        long session = t.session(Duration.ofDays(20), 3);
        registrations.register(
                t.member(),
                session,
                List.of(
                        TrainingFixtures.participant("Was There"),
                        TrainingFixtures.participant("Also There"),
                        TrainingFixtures.participant("Stayed Home")));
        assertThatThrownBy(() -> admin.markAttendance(t.chef(), session, Set.of()))
                .isInstanceOf(FieldRefusal.class);
        // the session took place three days ago
        jdbc.sql("UPDATE training_session SET starts_at = starts_at - interval '23 days', "
                        + "ends_at = ends_at - interval '23 days' WHERE id = :s")
                .param("s", session)
                .update();
        long foreign = t.session(
                TrainingFixtures.OTHER_OFFER,
                java.time.Instant.now().plus(Duration.ofDays(9)),
                3,
                LocalDate.now().plusDays(3));
        registrations.register(t.otherMember(), foreign, List.of(TrainingFixtures.participant("Elsewhere")));
        long foreignId = t.registrationOf(foreign, "Elsewhere");

        admin.markAttendance(
                t.chef(),
                session,
                Set.of(t.registrationOf(session, "Was There"), t.registrationOf(session, "Also There"), foreignId));

        assertThat(jdbc.sql(
                                "SELECT participant_name || ':' || attended FROM session_registration WHERE session_id = :s ORDER BY id")
                        .param("s", session)
                        .query(String.class)
                        .list())
                .containsExactly("Was There:true", "Also There:true", "Stayed Home:false");
        assertThat(jdbc.sql("SELECT attended FROM session_registration WHERE id = :id")
                        .param("id", foreignId)
                        .query(Boolean.class)
                        .optional())
                .isEmpty();
        assertThatThrownBy(() -> admin.markAttendance(t.otherChef(), session, Set.of()))
                .hasMessageContaining("404");

        TrainingFigures.Summary summary =
                figures.over(LocalDate.now().minusDays(10), LocalDate.now(), List.of(t.offerId()), null);
        TrainingFigures.Row row = summary.byOffer().stream()
                .filter(r -> r.label().startsWith(TrainingFixtures.OFFER + " "))
                .findFirst()
                .orElseThrow();
        assertThat(row.sessions()).isGreaterThanOrEqualTo(1);
        long onlyThis = figures.over(
                        LocalDate.now().minusDays(10),
                        LocalDate.now(),
                        List.of(t.offerId()),
                        Set.of(t.commune().id()))
                .total()
                .attended();
        assertThat(onlyThis).isEqualTo(2);
        assertThat(figures.over(
                                LocalDate.now().minusDays(10),
                                LocalDate.now(),
                                List.of(t.offerId()),
                                Set.of(t.commune().id()))
                        .total()
                        .rateText())
                .isEqualTo("67 %");
    }

    @Test
    void movingASessionMailsThoseWithASeatAndMoreSeatsPromoteTheWaiting() {
        long session = t.session(Duration.ofDays(20), 1);
        Registrations.Participant seated = TrainingFixtures.participant("Has Seat");
        Registrations.Participant waiting = TrainingFixtures.participant("Waits Here");
        registrations.register(t.member(), session, List.of(seated, waiting));
        LocalDate day = LocalDate.now().plusDays(25);
        admin.update(
                t.chef(),
                session,
                new SessionForm(
                        day,
                        java.time.LocalTime.of(14, 0),
                        java.time.LocalTime.of(16, 0),
                        "Mairie annexe",
                        null,
                        2,
                        day.minusDays(2),
                        0));

        assertThat(jdbc.sql(
                                "SELECT count(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE '%Session modifiée%' "
                                        + "AND text_body LIKE '%Mairie annexe%' AND attachment_name IS NOT NULL")
                        .param("r", seated.email())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(t.status(t.registrationOf(session, "Waits Here"))).isEqualTo("CONFIRMED");
        assertThatThrownBy(() -> admin.update(
                        t.chef(),
                        session,
                        new SessionForm(
                                day,
                                java.time.LocalTime.of(14, 0),
                                java.time.LocalTime.of(16, 0),
                                "Mairie",
                                null,
                                1,
                                day.minusDays(2),
                                1)))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("2 participants ont déjà une place");
        assertThatThrownBy(() -> admin.update(
                        t.chef(),
                        session,
                        new SessionForm(
                                day,
                                java.time.LocalTime.of(14, 0),
                                java.time.LocalTime.of(16, 0),
                                "Mairie",
                                null,
                                5,
                                day.minusDays(2),
                                0)))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
    }

    @Test
    void eachParticipantIsRemindedOnceTwoDaysBefore() {
        long soon = t.session(Duration.ofHours(30), 5);
        long later = t.session(Duration.ofDays(10), 5);
        Registrations.Participant a = TrainingFixtures.participant("Soon Person");
        registrations.register(t.member(), soon, List.of(a));
        registrations.register(t.member(), later, List.of(TrainingFixtures.participant("Later Person")));

        reminders.remindAll();
        reminders.remindAll();

        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE '%Rappel%' "
                                + "AND attachment_type LIKE 'text/calendar%'")
                        .param("r", a.email())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT reminded_at IS NULL FROM session_registration WHERE session_id = :s")
                        .param("s", later)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
