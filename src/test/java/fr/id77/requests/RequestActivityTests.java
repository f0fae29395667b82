package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.catalogue.Offers;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.support.RequestRows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The « nouveautés » markers and the dashboards' reads: what others did since one's last view, who sees what, the
 * desk's sections, and the waiting times in working days across a weekend and a public holiday.
 */
@SpringBootTest
class RequestActivityTests {

    @Autowired
    RequestActivity activity;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    @Autowired
    Offers offers;

    @Autowired
    JdbcClient jdbc;

    TestActors people;

    @BeforeEach
    void people() {
        people = TestActors.leading(jdbc, "O37");
    }

    private long requestId(int numero) {
        return jdbc.sql("SELECT id FROM request WHERE numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }

    private long news(int numero, Actor viewer) {
        return activity.news(List.of(numero), viewer.userId(), viewer.staff()).getOrDefault(numero, 0L);
    }

    @Test
    void commentsFilesAndStatusChangesOfOthersAreNewsUntilTheRequestIsOpened() {
        Actor member = people.member();
        Actor chef = people.chef();
        int numero = people.file(workflow);
        assertThat(news(numero, chef))
                .as("a filing without message nor file: nothing to read yet")
                .isZero();

        conversation.comment(numero, "Bonjour, pouvez-vous nous aider ?", null, member);
        byte[] plan = "plan du bourg".getBytes();
        conversation.attach(
                numero, List.of(new IncomingFile("plan.txt", plan.length, new ByteArrayResource(plan))), member);
        assertThat(news(numero, chef))
                .as("a comment and a file by the collectivity")
                .isEqualTo(2);
        assertThat(news(numero, member)).as("never one's own doings").isZero();

        activity.seen(requestId(numero), chef.userId());
        assertThat(news(numero, chef)).as("opening the request clears it").isZero();

        workflow.changeStatus(numero, RequestStatus.EN_COURS, null, version(numero), chef);
        conversation.comment(numero, "Nous passons mardi.", null, chef);
        assertThat(news(numero, member)).as("the status change and the answer").isEqualTo(2);
        assertThat(news(numero, chef)).isZero();
        assertThat(news(numero, people.admin()))
                .as("the admin never opened it: all that others did since the markers exist")
                .isEqualTo(4);
    }

    @Test
    void internalChangesAreNeverNewsAndTheMapHoldsOnlyTheRequestsWithNews() {
        Actor member = people.member();
        Actor chef = people.chef();
        int quiet = people.file(workflow);
        int busy = workflow.file(
                member, people.offerId(), chef.userId(), people.commune().referentId());
        activity.seen(requestId(quiet), member.userId());
        activity.seen(requestId(busy), member.userId());

        workflow.assignResponsable(quiet, people.admin().userId(), version(quiet), chef);
        conversation.comment(busy, "Une question", null, chef);

        Map<Integer, Long> news = activity.news(List.of(quiet, busy), member.userId(), false);
        assertThat(news)
                .as("who is « responsable » is ID77's business: not news to the collectivity")
                .isEqualTo(Map.of(busy, 1L));
        assertThat(activity.news(List.of(), member.userId(), false)).isEmpty();
    }

    @Test
    void theDeskListsHisWaitingRequestsOldestFirstHisRequestsInProgressAndHisNews() {
        Actor member = people.member();
        Actor chef = people.chef();
        int older = people.file(workflow);
        int newer = workflow.file(
                member, people.offerId(), chef.userId(), people.commune().referentId());
        int accepted = workflow.file(
                member, people.offerId(), chef.userId(), people.commune().referentId());
        jdbc.sql("UPDATE request SET created_at = created_at - interval '3 days' WHERE numero = :n")
                .param("n", older)
                .update();
        workflow.changeStatus(accepted, RequestStatus.EN_COURS, null, version(accepted), chef);
        activity.seen(requestId(accepted), chef.userId());
        conversation.comment(accepted, "Voici le plan", null, member);
        // another chef's request never shows
        TestActors others = TestActors.leading(jdbc, "O38");
        others.file(workflow);

        RequestActivity.Desk desk = activity.desk(chef.userId());

        assertThat(desk.toProcess().lines())
                .extracting(RequestActivity.DeskLine::numero)
                .containsExactly(older, newer);
        assertThat(desk.toProcess().total()).isEqualTo(2);
        assertThat(desk.inProgress().lines()).singleElement().satisfies(line -> {
            assertThat(line.numero()).isEqualTo(accepted);
            assertThat(line.lastExchange()).as("the member's comment").isNotNull();
            assertThat(line.news()).isEqualTo(1);
        });
        assertThat(desk.news().lines())
                .as("only the requests with a comment or a file he has not seen (of this test: he leads the offer of "
                        + "earlier ones too, which he never opened)")
                .filteredOn(line -> List.of(older, newer, accepted).contains(line.numero()))
                .extracting(RequestActivity.DeskLine::numero)
                .containsExactly(accepted);
        assertThat(activity.desk(others.chef().userId()).toProcess().lines())
                .extracting(RequestActivity.DeskLine::numero)
                .doesNotContain(older, newer, accepted);
    }

    @Test
    void aSectionShowsItsFirstLinesCountsThemAllAndPutsTheRequestsWithoutExchangeFirst() {
        Actor member = people.member();
        Actor chef = people.chef();
        List<Integer> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < RequestActivity.SECTION_SIZE + 2; i++) {
            waiting.add(workflow.file(
                    member, people.offerId(), chef.userId(), people.commune().referentId()));
        }
        int discussed = waiting.removeLast();
        int silent = waiting.removeLast();
        for (int numero : List.of(discussed, silent)) {
            workflow.changeStatus(numero, RequestStatus.EN_COURS, null, version(numero), chef);
        }
        conversation.comment(discussed, "Voici le plan", null, member);
        jdbc.sql("DELETE FROM request_event WHERE request_id = :id AND kind IN ('COMMENT', 'ATTACHMENT')")
                .param("id", requestId(silent))
                .update();
        jdbc.sql("UPDATE request SET last_exchange_at = NULL WHERE id = :id") // kept from the history (V62)
                .param("id", requestId(silent))
                .update();

        RequestActivity.Desk desk = activity.desk(chef.userId());

        assertThat(desk.toProcess().total()).isEqualTo(RequestActivity.SECTION_SIZE);
        assertThat(desk.toProcess().lines())
                .extracting(RequestActivity.DeskLine::numero)
                .containsExactlyElementsOf(waiting);
        assertThat(desk.inProgress().lines())
                .as("the request nobody wrote on first, then the longest without exchange")
                .extracting(RequestActivity.DeskLine::numero)
                .containsExactly(silent, discussed);
        assertThat(desk.inProgress().total()).isEqualTo(2);

        workflow.file(member, people.offerId(), chef.userId(), people.commune().referentId());
        RequestActivity.Section more = activity.desk(chef.userId()).toProcess();
        assertThat(more.lines()).hasSize(RequestActivity.SECTION_SIZE);
        assertThat(more.total())
                .as("every waiting request counted, not only those shown")
                .isEqualTo(RequestActivity.SECTION_SIZE + 1);
    }

    @Test
    void theNewsKeptByTheDatabaseFollowWritingsViewsAndTheChangesOfWhoSeesTheRequest() {
        Actor member = people.member();
        Actor chef = people.chef();
        Actor admin = people.admin();
        Actor otherChef = people.otherChef();
        int numero = people.file(workflow);
        long id = requestId(numero);

        conversation.comment(numero, "Bonjour, une question.", null, member);
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
        assertThat(newsOf(chef)).as("the chef de file of the offer").contains(numero);

        activity.seen(id, chef.userId());
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
        assertThat(newsOf(chef)).as("seen").doesNotContain(numero);

        conversation.comment(numero, "Merci de votre réponse.", null, chef);
        assertThat(newsOf(chef)).as("his own writing is never news to him").doesNotContain(numero);
        conversation.comment(numero, "Une précision encore.", null, member);
        workflow.assignResponsable(numero, admin.userId(), version(numero), chef);
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
        assertThat(newsOf(admin))
                .as("made responsable: what others wrote since the markers began")
                .contains(numero);

        workflow.assignResponsable(numero, otherChef.userId(), version(numero), chef);
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
        assertThat(newsOf(admin)).as("no longer responsable").doesNotContain(numero);
        assertThat(newsOf(otherChef)).contains(numero);

        jdbc.sql("UPDATE offer SET chef_de_file_id = :other WHERE id = :offer")
                .param("other", admin.userId())
                .param("offer", people.offerId())
                .update();
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
        assertThat(newsOf(admin)).as("now leading the offer").contains(numero);
        jdbc.sql("UPDATE offer SET chef_de_file_id = :chef WHERE id = :offer")
                .param("chef", chef.userId())
                .param("offer", people.offerId())
                .update();
        assertNewsAsTheHistorySays(id, chef, admin, otherChef);
    }

    /** The numbers of the requests among the « Nouveautés » of {@code viewer}'s desk. */
    private List<Integer> newsOf(Actor viewer) {
        return activity.desk(viewer.userId()).news().lines().stream()
                .map(RequestActivity.DeskLine::numero)
                .toList();
    }

    /**
     * The row kept for each of these people on the request is what its history says: the latest writing (message,
     * file, note) by someone else after his last view, for those who see it on their desk (the offer's chef de file,
     * the request's chef de file and its responsable); none otherwise.
     */
    private void assertNewsAsTheHistorySays(long requestId, Actor... viewers) {
        for (Actor viewer : viewers) {
            java.util.Optional<java.time.OffsetDateTime> expected = jdbc.sql(
                            "SELECT max(e.created_at) FROM request r JOIN offer o ON o.id = r.offer_id "
                                    + "LEFT JOIN request_view v ON v.request_id = r.id AND v.user_id = :me "
                                    + "JOIN request_event e ON e.request_id = r.id "
                                    + "AND e.kind IN ('COMMENT', 'ATTACHMENT', 'NOTE') AND e.actor_id <> :me "
                                    + "AND e.created_at > coalesce(v.seen_at, (SELECT started_at FROM request_view_start)) "
                                    + "WHERE r.id = :id AND :me IN (o.chef_de_file_id, r.chef_de_file_id, r.responsable_id)")
                    .param("me", viewer.userId())
                    .param("id", requestId)
                    .query(java.time.OffsetDateTime.class)
                    .optional();
            java.util.Optional<java.time.OffsetDateTime> kept = jdbc.sql(
                            "SELECT last_at FROM request_news WHERE user_id = :me AND request_id = :id")
                    .param("me", viewer.userId())
                    .param("id", requestId)
                    .query(java.time.OffsetDateTime.class)
                    .optional();
            assertThat(kept.map(java.time.OffsetDateTime::toInstant))
                    .as("news of user %d", viewer.userId())
                    .isEqualTo(expected.map(java.time.OffsetDateTime::toInstant));
        }
    }

    @Test
    void aRequestIsOlderThanNWorkingDaysAcrossWeekendsAndPublicHolidays() {
        // Monday 16 November 2026; Wednesday 11 November (Armistice) is a public holiday
        LocalDate monday = LocalDate.of(2026, 11, 16);
        assertThat(RequestActivity.filedBefore(1, monday))
                .as("filed Friday 13: 1 working day (Monday); Thursday 12: 2")
                .isEqualTo(start(LocalDate.of(2026, 11, 13)));
        assertThat(RequestActivity.filedBefore(3, monday))
                .as("filed on the holiday or the day before: 3 working days (12, 13, 16); Monday 9: 4")
                .isEqualTo(start(LocalDate.of(2026, 11, 10)));
        assertThat(RequestActivity.filedBefore(5, monday))
                .as("Friday 6: 5 working days; Thursday 5: 6, more than 5")
                .isEqualTo(start(LocalDate.of(2026, 11, 6)));
    }

    @Test
    void theWaitingFiguresCountTheRequestsEnAttenteOlderThanEachThreshold() {
        Clock clock = Clock.fixed(
                ZonedDateTime.of(2026, 11, 16, 10, 0, 0, 0, TimeConfiguration.PARIS)
                        .toInstant(),
                TimeConfiguration.PARIS);
        RequestActivity onMonday = new RequestActivity(jdbc, clock);
        Map<Integer, Long> before = onMonday.waitingLongerThan(List.of(5, 10));
        // filed on Thursday 5 (6 working days), Friday 6 (5), Thursday 29 October (12), and one accepted (13)
        int six = filedOn(LocalDate.of(2026, 11, 5));
        filedOn(LocalDate.of(2026, 11, 6));
        filedOn(LocalDate.of(2026, 10, 29));
        int accepted = filedOn(LocalDate.of(2026, 10, 28));
        workflow.changeStatus(accepted, RequestStatus.EN_COURS, null, version(accepted), people.chef());

        Map<Integer, Long> after = onMonday.waitingLongerThan(List.of(5, 10));

        assertThat(after.get(5) - before.get(5)).isEqualTo(2);
        assertThat(after.get(10) - before.get(10)).isEqualTo(1);
        assertThat(six).isPositive();
    }

    private int filedOn(LocalDate day) {
        int numero = workflow.file(
                people.member(),
                people.offerId(),
                people.chef().userId(),
                people.commune().referentId());
        jdbc.sql("UPDATE request SET created_at = :at WHERE numero = :n")
                .param(
                        "at",
                        Timestamp.from(day.atTime(15, 0)
                                .atZone(TimeConfiguration.PARIS)
                                .toInstant()))
                .param("n", numero)
                .update();
        return numero;
    }

    private static java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(TimeConfiguration.PARIS).toInstant();
    }
}
