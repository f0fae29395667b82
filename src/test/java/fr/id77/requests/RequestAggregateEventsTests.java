package fr.id77.requests;

import static fr.id77.requests.RequestRulesTests.ADMIN;
import static fr.id77.requests.RequestRulesTests.HANDLER_STAFF;
import static fr.id77.requests.RequestRulesTests.MEMBER;
import static fr.id77.requests.RequestRulesTests.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each command of the {@link Request} aggregate registers exactly its event, naming the request as it stands
 * after the change; a refused command registers nothing. Plain JUnit: no Spring, no database.
 */
class RequestAggregateEventsTests {

    /** The technical referent the requests of these tests name. */
    private static final Long REFERENT = 50L;

    /** A waiting request as read from the database: numbered, its offer led by 6, its responsable 3, no event pending. */
    private static Request saved() {
        Request request = new Request(100, 10, REFERENT, 1, 6L, NOW);
        set(request, "id", 42L);
        set(request, "numero", 7);
        set(request, "responsableId", 3L);
        set(request, "offerLeadId", 6L);
        return request;
    }

    private static RequestEvents.Change only(Request request) {
        List<Object> events = request.registeredEvents();
        assertThat(events).hasSize(1);
        return (RequestEvents.Change) events.getFirst();
    }

    private static void assertNames(RequestEvents.Change event, long actorId, Long chefDeFileId, Long responsableId) {
        assertThat(event.request())
                .isEqualTo(new RequestEvents.RequestRef(42, 7, 100, 10, chefDeFileId, responsableId, REFERENT));
        assertThat(event.actorId()).isEqualTo(actorId);
    }

    @Test
    void aNewRequestRegistersNothingUntilItIsSavedAndFiled() {
        Request request = new Request(100, 10, REFERENT, 1, 6L, NOW);
        assertThat(request.registeredEvents()).isEmpty();
        assertThatThrownBy(() -> request.filed("Bonjour")).isInstanceOf(NullPointerException.class);
        set(request, "id", 42L);
        set(request, "numero", 7);
        request.filed("Bonjour");
        assertThat(only(request))
                .isEqualTo(new RequestEvents.Filed(
                        new RequestEvents.RequestRef(42, 7, 100, 10, 6L, null, REFERENT), 1, "Bonjour"));
        assertThat(request.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void movingRegistersTheStatusChangeWithItsReason() {
        Request request = saved();
        request.moveTo(RequestStatus.REJETEE, HANDLER_STAFF, "hors champ", NOW.plusSeconds(60));
        RequestEvents.StatusChanged event = (RequestEvents.StatusChanged) only(request);
        assertNames(event, HANDLER_STAFF.userId(), 6L, 3L);
        assertThat(event.from()).isEqualTo(RequestStatus.EN_ATTENTE);
        assertThat(event.to()).isEqualTo(RequestStatus.REJETEE);
        assertThat(event.reason()).isEqualTo("hors champ");
        assertThat(request.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));

        Request accepted = saved();
        accepted.moveTo(RequestStatus.EN_COURS, HANDLER_STAFF, "  ", NOW);
        assertThat(((RequestEvents.StatusChanged) only(accepted)).reason())
                .as("a blank reason is no reason")
                .isNull();
    }

    @Test
    void namingAResponsableRegistersItAsTheRequestsResponsable() {
        Request request = saved();
        request.assignResponsable(8L, ADMIN, id -> true, NOW);
        RequestEvents.Change event = only(request);
        assertThat(event).isInstanceOf(RequestEvents.ResponsableChanged.class);
        assertNames(event, ADMIN.userId(), 6L, 8L);
    }

    @Test
    void changingTheReferentRegistersTheNewOne() {
        Request request = saved();
        request.changeReferent(51L, MEMBER, id -> true, NOW);
        RequestEvents.ReferentChanged event = (RequestEvents.ReferentChanged) only(request);
        assertThat(event.request()).isEqualTo(new RequestEvents.RequestRef(42, 7, 100, 10, 6L, 3L, 51L));
        assertThat(event.actorId()).isEqualTo(MEMBER.userId());
        assertThat(event.referentId()).isEqualTo(51L);
    }

    @Test
    void followingTheOfferLeadRegistersTheNewAndThePreviousChefDeFile() {
        Request request = saved();
        request.followOfferLead(9L, ADMIN.userId(), NOW);
        RequestEvents.ChefDeFileChanged event = (RequestEvents.ChefDeFileChanged) only(request);
        assertNames(event, ADMIN.userId(), 9L, 3L);
        assertThat(event.previousChefDeFileId()).isEqualTo(6L);
        assertThat(request.getChefDeFileId()).isEqualTo(9L);
    }

    @Test
    void aCommentAndFilesRegisterWhoWroteThem() {
        Request request = saved();
        request.commented(12, "Bonjour", MEMBER);
        request.filesAdded(2, HANDLER_STAFF);
        List<Object> events = request.registeredEvents();
        assertThat(events)
                .containsExactly(
                        new RequestEvents.Commented(
                                new RequestEvents.RequestRef(42, 7, 100, 10, 6L, 3L, REFERENT),
                                MEMBER.userId(),
                                12,
                                false,
                                "Bonjour"),
                        new RequestEvents.DocumentAdded(
                                new RequestEvents.RequestRef(42, 7, 100, 10, 6L, 3L, REFERENT),
                                HANDLER_STAFF.userId(),
                                2,
                                true));
    }

    @Test
    void aRefusedCommandRegistersNothing() {
        Request request = saved();
        assertThatThrownBy(() -> request.moveTo(RequestStatus.TERMINEE, HANDLER_STAFF, null, NOW))
                .isNotNull();
        assertThatThrownBy(() -> request.assignResponsable(8L, MEMBER, id -> true, NOW))
                .isNotNull();
        assertThatThrownBy(() -> request.changeReferent(51L, HANDLER_STAFF, id -> true, NOW))
                .isNotNull();
        assertThatThrownBy(() -> request.changeReferent(51L, MEMBER, id -> false, NOW))
                .isNotNull();
        assertThat(request.registeredEvents()).isEmpty();
    }

    private static void set(Request request, String field, Object value) {
        try {
            Field f = Request.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(request, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
