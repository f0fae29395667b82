package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.catalogue.Offers;
import fr.id77.shared.web.FieldRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The status machine of a request: who may move it where, with what reason, and two people at once. */
@SpringBootTest
@RecordApplicationEvents
class RequestLifecycleTests {

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestViews views;

    @Autowired
    Offers offers;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    TestActors people;
    long offerId;
    long collectivity;
    Actor member;
    Actor otherMember;
    Actor chef;
    Actor otherChef;
    Actor admin;

    @BeforeEach
    void actors() {
        TestActors people = TestActors.leading(jdbc, "O01");
        this.people = people;
        offerId = people.offerId();
        collectivity = people.commune().id();
        member = people.member();
        otherMember = people.otherMember();
        chef = people.chef();
        otherChef = people.otherChef();
        admin = people.admin();
    }

    private int file() {
        return people.file(workflow);
    }

    private void move(int numero, RequestStatus to, String reason, Actor actor) {
        workflow.changeStatus(numero, to, reason, views.view(numero, admin).version(), actor);
    }

    private RequestStatus status(int numero) {
        return views.view(numero, admin).status();
    }

    @Test
    void aFiledRequestIsPendingNumberedInSequenceRecordedAndPublished() {
        int first = file();
        int second = file();
        assertThat(second).isGreaterThan(first);
        RequestViews.RequestState state = views.view(first, member);
        assertThat(state.status()).isEqualTo(RequestStatus.EN_ATTENTE);
        assertThat(state.history()).extracting(RequestViews.HistoryLine::kind).containsExactly("CREATED");
        assertThat(events.stream(RequestEvents.Filed.class))
                .anyMatch(e -> e.numero() == first && e.request().chefDeFileId() == chef.userId());
        assertThat(workflow.hasOpenRequest(offerId, collectivity)).isTrue();
    }

    @Test
    void theWholeLifeOfARequestIsInItsHistory() {
        int numero = file();
        move(numero, RequestStatus.EN_COURS, null, chef);
        move(numero, RequestStatus.TERMINEE, "Rapport remis", chef);
        move(numero, RequestStatus.EN_COURS, "Compléments demandés par la commune", chef);
        move(numero, RequestStatus.REJETEE, "Hors du champ de l'offre", chef);
        move(numero, RequestStatus.SUPPRIMEE, "Doublon", admin);
        List<RequestViews.HistoryLine> history = views.view(numero, admin).history();
        assertThat(history)
                .extracting(RequestViews.HistoryLine::to)
                .containsExactly(
                        RequestStatus.EN_ATTENTE,
                        RequestStatus.EN_COURS,
                        RequestStatus.TERMINEE,
                        RequestStatus.EN_COURS,
                        RequestStatus.REJETEE,
                        RequestStatus.SUPPRIMEE);
        assertThat(history.get(4).reason()).isEqualTo("Hors du champ de l'offre");
        assertThat(history.get(4).actorId()).isEqualTo(chef.userId());
        assertThat(events.stream(RequestEvents.StatusChanged.class).filter(e -> e.numero() == numero))
                .hasSize(5);
        assertThat(views.view(numero, admin).nextStatuses()).isEmpty();
    }

    @Test
    void everyForbiddenTransitionIsRefusedAndChangesNothing() {
        List<String> refused = new ArrayList<>();
        for (RequestStatus from : List.of(
                RequestStatus.EN_ATTENTE,
                RequestStatus.EN_COURS,
                RequestStatus.COMPLEMENTS,
                RequestStatus.TERMINEE,
                RequestStatus.REJETEE,
                RequestStatus.ANNULEE,
                RequestStatus.SUPPRIMEE)) {
            for (RequestStatus to : RequestStatus.values()) {
                for (Actor actor : List.of(member, chef)) {
                    int numero = bringTo(from);
                    boolean allowed = allowed(from, to, actor == chef);
                    try {
                        move(numero, to, "motif", actor);
                        assertThat(allowed)
                                .as(from + " -> " + to + " by " + (actor == chef ? "chef" : "member"))
                                .isTrue();
                        assertThat(status(numero)).isEqualTo(to);
                    } catch (RequestException | FieldRefusal e) {
                        assertThat(allowed)
                                .as(from + " -> " + to + " by " + (actor == chef ? "chef" : "member") + ": "
                                        + e.getMessage())
                                .isFalse();
                        assertThat(status(numero)).isEqualTo(from);
                        refused.add(from + "->" + to);
                    }
                }
            }
        }
        assertThat(refused)
                .contains(
                        "EN_ATTENTE->TERMINEE",
                        "ANNULEE->EN_COURS",
                        "SUPPRIMEE->EN_COURS",
                        "EN_COURS->ANNULEE",
                        // the collectivity goes back only by transmitting its compléments, never by a bare move
                        "COMPLEMENTS->EN_ATTENTE",
                        "COMPLEMENTS->EN_COURS",
                        "TERMINEE->COMPLEMENTS");
    }

    private static boolean allowed(RequestStatus from, RequestStatus to, boolean chef) {
        if (chef) {
            return switch (from) {
                case EN_ATTENTE ->
                    to == RequestStatus.EN_COURS || to == RequestStatus.COMPLEMENTS || to == RequestStatus.REJETEE;
                case EN_COURS ->
                    to == RequestStatus.TERMINEE || to == RequestStatus.COMPLEMENTS || to == RequestStatus.REJETEE;
                case COMPLEMENTS -> to == RequestStatus.REJETEE;
                case TERMINEE, REJETEE -> to == RequestStatus.EN_COURS;
                default -> false;
            };
        }
        // compléments asked before accepting: the collectivity may still cancel
        return (from == RequestStatus.EN_ATTENTE || from == RequestStatus.COMPLEMENTS) && to == RequestStatus.ANNULEE;
    }

    private int bringTo(RequestStatus status) {
        int numero = file();
        switch (status) {
            case EN_COURS -> move(numero, RequestStatus.EN_COURS, null, chef);
            case COMPLEMENTS -> move(numero, RequestStatus.COMPLEMENTS, "le plan", chef);
            case TERMINEE -> {
                move(numero, RequestStatus.EN_COURS, null, chef);
                move(numero, RequestStatus.TERMINEE, null, chef);
            }
            case REJETEE -> move(numero, RequestStatus.REJETEE, "motif", chef);
            case ANNULEE -> move(numero, RequestStatus.ANNULEE, null, member);
            case SUPPRIMEE -> move(numero, RequestStatus.SUPPRIMEE, "motif", admin);
            default -> {}
        }
        return numero;
    }

    @Test
    void rejectingReopeningAndDeletingNeedAReason() {
        int numero = file();
        assertThatThrownBy(() -> move(numero, RequestStatus.REJETEE, "  ", chef))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("motif");
        assertThatThrownBy(() -> move(numero, RequestStatus.SUPPRIMEE, null, admin))
                .hasMessageContaining("motif");
        move(numero, RequestStatus.REJETEE, "Incomplet", chef);
        assertThatThrownBy(() -> move(numero, RequestStatus.EN_COURS, "", chef)).hasMessageContaining("motif");
        assertThat(status(numero)).isEqualTo(RequestStatus.REJETEE);
    }

    @Test
    void outsidersCannotSeeOrActAndLearnNothing() {
        int numero = file();
        for (Actor outsider : List.of(otherMember, otherChef)) {
            assertThatThrownBy(() -> views.view(numero, outsider))
                    .isInstanceOfSatisfying(
                            RequestException.class,
                            e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.NOT_FOUND));
            assertThatThrownBy(() -> move(numero, RequestStatus.EN_COURS, null, outsider))
                    .isInstanceOf(RequestException.class);
        }
        assertThat(views.view(numero, chef).canProcess()).isTrue();
        assertThat(views.view(numero, member).canProcess()).isFalse();
        assertThat(status(numero)).isEqualTo(RequestStatus.EN_ATTENTE);
    }

    @Test
    void aStaleVersionIsRefusedAsModifiedMeanwhile() {
        int numero = file();
        long seen = views.view(numero, chef).version();
        workflow.changeStatus(numero, RequestStatus.EN_COURS, null, seen, chef);
        assertThatThrownBy(() -> workflow.changeStatus(numero, RequestStatus.REJETEE, "motif", seen, chef))
                .isInstanceOfSatisfying(
                        ObjectOptimisticLockingFailureException.class,
                        e -> assertThat(e.getPersistentClassName()).isEqualTo(Request.class.getName()));
        assertThat(status(numero)).isEqualTo(RequestStatus.EN_COURS);
    }

    @Test
    void twoPeopleActingAtOnceOneWinsTheOtherIsTold() throws Exception {
        for (int round = 0; round < 5; round++) {
            int numero = file();
            long seen = views.view(numero, admin).version();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> accept = pool.submit(() ->
                        attempt(start, () -> workflow.changeStatus(numero, RequestStatus.EN_COURS, null, seen, chef)));
                Future<String> cancel = pool.submit(() ->
                        attempt(start, () -> workflow.changeStatus(numero, RequestStatus.ANNULEE, null, seen, member)));
                start.countDown();
                List<String> outcomes = List.of(accept.get(), cancel.get());
                assertThat(outcomes).containsOnlyOnce("ok");
                assertThat(outcomes).contains("CONFLICT");
                assertThat(views.view(numero, admin).history()).hasSize(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String attempt(CountDownLatch start, Runnable action) throws InterruptedException {
        start.await();
        try {
            action.run();
            return "ok";
        } catch (RequestException e) {
            return e.kind().name();
        } catch (OptimisticLockingFailureException e) {
            return "CONFLICT";
        }
    }

    /**
     * V45 gives the requests filed before V44 their deadlines from their offer's target: on a filing day before a
     * weekend and 1 May, the holidays are skipped; a request En cours of an offer without completion target has no
     * deadline running, one already closed none at all.
     */
    @Test
    void theMigrationGivesOlderRequestsTheirDeadlines() throws Exception {
        int waiting = file();
        int inProgress = file();
        move(inProgress, RequestStatus.EN_COURS, null, chef);
        jdbc.sql("UPDATE offer SET answer_days = 2 WHERE id = :o")
                .param("o", offerId)
                .update();
        // as V44 found them: filed on Thursday 30 April 2026 in Paris, no deadline stored
        jdbc.sql("UPDATE request SET created_at = TIMESTAMPTZ '2026-04-30 18:00:00+02', answer_due = NULL, "
                        + "completion_due = NULL, due_on = NULL WHERE numero IN (:n)")
                .param("n", java.util.List.of(waiting, inProgress))
                .update();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            new V45__request_due_dates().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        } finally {
            jdbc.sql("UPDATE offer SET answer_days = 10 WHERE id = :o")
                    .param("o", offerId)
                    .update();
        }
        // Friday 1 May is a holiday, then the weekend: two working days are Monday 4 and Tuesday 5 May
        java.util.Map<String, Object> w = jdbc.sql("SELECT answer_due, due_on FROM request WHERE numero = :n")
                .param("n", waiting)
                .query()
                .singleRow();
        assertThat(w.get("answer_due")).hasToString("2026-05-05");
        assertThat(w.get("due_on")).hasToString("2026-05-05");
        java.util.Map<String, Object> p = jdbc.sql("SELECT answer_due, due_on FROM request WHERE numero = :n")
                .param("n", inProgress)
                .query()
                .singleRow();
        assertThat(p.get("answer_due")).hasToString("2026-05-05");
        assertThat(p.get("due_on")).as("answered, no completion target").isNull();
    }
}
