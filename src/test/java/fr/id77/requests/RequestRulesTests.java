package fr.id77.requests;

import static fr.id77.requests.RequestStatus.ANNULEE;
import static fr.id77.requests.RequestStatus.COMPLEMENTS;
import static fr.id77.requests.RequestStatus.EN_ATTENTE;
import static fr.id77.requests.RequestStatus.EN_COURS;
import static fr.id77.requests.RequestStatus.REJETEE;
import static fr.id77.requests.RequestStatus.SUPPRIMEE;
import static fr.id77.requests.RequestStatus.TERMINEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.shared.web.FieldRefusal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Request}'s status and permission rules on their own, without Spring or a database: every status
 * × every kind of actor × every action, against a table written out here (not derived from the code).
 */
class RequestRulesTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final long COLLECTIVITY = 10;
    private static final long ORIGINAL_CHEF = 6;
    private static final long HANDLER = 3;

    static final Actor MEMBER = Actor.adherent(1, COLLECTIVITY);
    static final Actor FOREIGN_MEMBER = Actor.adherent(2, 11);
    /** Staff named responsable of the request: processes it. */
    static final Actor HANDLER_STAFF = Actor.chefDeFile(HANDLER);
    /** Led the offer when the request was filed, no longer: reads only. */
    static final Actor FORMER_CHEF = Actor.chefDeFile(ORIGINAL_CHEF);

    static final Actor OTHER_STAFF = Actor.chefDeFile(4);
    static final Actor ADMIN = Actor.admin(5);

    static final Map<String, Actor> ACTORS = new LinkedHashMap<>();

    static {
        ACTORS.put("member", MEMBER);
        ACTORS.put("foreign member", FOREIGN_MEMBER);
        ACTORS.put("handler", HANDLER_STAFF);
        ACTORS.put("former chef de file", FORMER_CHEF);
        ACTORS.put("other staff", OTHER_STAFF);
        ACTORS.put("admin", ADMIN);
    }

    /** Where a processing actor (handler or admin) may move a request, before cancelling and deleting. */
    static final Map<RequestStatus, Set<RequestStatus>> PROCESSING = Map.of(
            EN_ATTENTE, EnumSet.of(EN_COURS, COMPLEMENTS, REJETEE),
            EN_COURS, EnumSet.of(TERMINEE, COMPLEMENTS, REJETEE),
            COMPLEMENTS, EnumSet.of(REJETEE),
            TERMINEE, EnumSet.of(EN_COURS),
            REJETEE, EnumSet.of(EN_COURS),
            ANNULEE, EnumSet.noneOf(RequestStatus.class),
            SUPPRIMEE, EnumSet.noneOf(RequestStatus.class));

    /** A request in {@code status}, reached through the transition methods themselves, handled by {@link #HANDLER}. */
    static Request in(RequestStatus status) {
        Request request = new Request(100, COLLECTIVITY, 50L, 1, ORIGINAL_CHEF, NOW);
        request.assignResponsable(HANDLER, ADMIN, id -> true, NOW);
        switch (status) {
            case EN_ATTENTE -> {}
            case EN_COURS -> request.moveTo(EN_COURS, ADMIN, null, NOW);
            case COMPLEMENTS -> request.moveTo(COMPLEMENTS, ADMIN, "le plan cadastral", NOW); // asked before accepting
            case TERMINEE -> {
                request.moveTo(EN_COURS, ADMIN, null, NOW);
                request.moveTo(TERMINEE, ADMIN, null, NOW);
            }
            case REJETEE -> request.moveTo(REJETEE, ADMIN, "hors champ", NOW);
            case ANNULEE -> request.moveTo(ANNULEE, MEMBER, null, NOW);
            case SUPPRIMEE -> request.moveTo(SUPPRIMEE, ADMIN, "doublon", NOW);
        }
        assertThat(request.getStatus()).isEqualTo(status);
        return request;
    }

    @Test
    void aNewRequestWaits() {
        assertThat(new Request(100, COLLECTIVITY, null, 1, null, NOW).getStatus())
                .isEqualTo(EN_ATTENTE);
    }

    @Test
    void itsTimesAreTheInstantsItIsGivenNotTheMachinesClock() {
        Request request = new Request(100, COLLECTIVITY, null, 1, null, NOW);
        assertThat(request.getCreatedAt()).isEqualTo(NOW);
        assertThat(request.getUpdatedAt()).isEqualTo(NOW);
        Instant later = NOW.plusSeconds(3600);
        request.moveTo(EN_COURS, ADMIN, null, later);
        assertThat(request.getCreatedAt()).isEqualTo(NOW);
        assertThat(request.getUpdatedAt()).isEqualTo(later);
        request.assignResponsable(HANDLER, ADMIN, id -> true, later.plusSeconds(60));
        assertThat(request.getUpdatedAt()).isEqualTo(later.plusSeconds(60));
    }

    @Test
    void aNewRequestKeepsWhatItWasFiledWith() {
        Request request = new Request(100, COLLECTIVITY, 50L, 1, ORIGINAL_CHEF, NOW);
        assertThat(request.getOfferId()).isEqualTo(100);
        assertThat(request.getCollectivityId()).isEqualTo(COLLECTIVITY);
        assertThat(request.getReferentId()).isEqualTo(50L);
        assertThat(request.getCreatedBy()).isEqualTo(1);
        assertThat(request.getChefDeFileId()).isEqualTo(ORIGINAL_CHEF);
        assertThat(request.getResponsableId()).isNull();
        assertThat(request.getCreatedAt()).isEqualTo(NOW);
        assertThat(request.getUpdatedAt()).isEqualTo(NOW);
        // its id, its numéro, its version and the offer's current chef de file are the database's to give
        assertThat(request.getId()).isNull();
        assertThat(request.getNumero()).isNull();
        assertThat(request.getOfferLeadId()).isNull();
        assertThat(request.getVersion()).isZero();
    }

    @Test
    void aRequestFollowsItsOfferToItsNewChefDeFileWhoThenReadsItWithoutProcessingIt() {
        Request request = in(EN_COURS);
        Actor newChef = Actor.chefDeFile(9);
        assertThat(request.canView(newChef)).isFalse();
        request.followOfferLead(9L, 1L, NOW);
        assertThat(request.getChefDeFileId()).isEqualTo(9L);
        assertThat(request.canView(newChef)).isTrue();
        assertThat(request.canProcess(newChef))
                .as("processing follows the offer's lead or the responsable")
                .isFalse();
        assertThat(request.canView(FORMER_CHEF))
                .as("the previous chef de file no longer reads it")
                .isFalse();
        assertThat(request.canView(Actor.adherent(9, 11)))
                .as("an adherent with that user id is not staff")
                .isFalse();
    }

    @Test
    void whoSeesARequestDoesNotDependOnItsStatus() {
        for (RequestStatus status : RequestStatus.values()) {
            Request request = in(status);
            assertThat(request.canView(MEMBER)).as(status + " member").isTrue();
            assertThat(request.canView(HANDLER_STAFF)).as(status + " handler").isTrue();
            assertThat(request.canView(FORMER_CHEF)).as(status + " former chef").isTrue();
            assertThat(request.canView(ADMIN)).as(status + " admin").isTrue();
            assertThat(request.canView(FOREIGN_MEMBER))
                    .as(status + " foreign member")
                    .isFalse();
            assertThat(request.canView(OTHER_STAFF)).as(status + " other staff").isFalse();
        }
    }

    @Test
    void onlyTheHandlerAndAdminsProcess() {
        for (RequestStatus status : RequestStatus.values()) {
            Request request = in(status);
            assertThat(request.canProcess(HANDLER_STAFF))
                    .as(status + " handler")
                    .isTrue();
            assertThat(request.canProcess(ADMIN)).as(status + " admin").isTrue();
            for (Actor other : Set.of(MEMBER, FOREIGN_MEMBER, FORMER_CHEF, OTHER_STAFF)) {
                assertThat(request.canProcess(other)).as(status + " " + other).isFalse();
            }
        }
    }

    @Test
    void commentsCloseOnlyWhenDeleted() {
        for (RequestStatus status : RequestStatus.values()) {
            Request request = in(status);
            boolean open = status != SUPPRIMEE;
            assertThat(request.canComment(MEMBER)).as(status + " member").isEqualTo(open);
            assertThat(request.canComment(HANDLER_STAFF))
                    .as(status + " handler")
                    .isEqualTo(open);
            assertThat(request.canComment(ADMIN)).as(status + " admin").isEqualTo(open);
            for (Actor other : Set.of(FOREIGN_MEMBER, FORMER_CHEF, OTHER_STAFF)) {
                assertThat(request.canComment(other)).as(status + " " + other).isFalse();
            }
        }
    }

    @Test
    void theReferentChangesWhileTheRequestIsNeitherCancelledNorDeleted() {
        for (RequestStatus status : RequestStatus.values()) {
            boolean allowed = status != ANNULEE && status != SUPPRIMEE;
            for (Map.Entry<String, Actor> actor : ACTORS.entrySet()) {
                boolean expected = allowed && (actor.getValue() == MEMBER || actor.getValue() == ADMIN);
                Request request = in(status);
                assertThat(request.canChangeReferent(actor.getValue()))
                        .as(status + " " + actor.getKey())
                        .isEqualTo(expected);
                if (expected) {
                    request.changeReferent(51L, actor.getValue(), id -> true, NOW);
                    assertThat(request.getReferentId()).isEqualTo(51L);
                } else {
                    assertThatThrownBy(() -> request.changeReferent(51L, actor.getValue(), id -> true, NOW))
                            .as(status + " " + actor.getKey())
                            .isInstanceOfSatisfying(
                                    RequestException.class,
                                    e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.FORBIDDEN));
                    assertThat(request.getReferentId()).isEqualTo(50L);
                }
            }
        }
    }

    @Test
    void aReferentTheServiceRefusesIsNotNamed() {
        Request request = in(EN_ATTENTE);
        assertThatThrownBy(() -> request.changeReferent(99L, MEMBER, id -> false, NOW))
                .isInstanceOf(FieldRefusal.class);
        assertThat(request.getReferentId()).isEqualTo(50L);
        request.changeReferent(null, MEMBER, id -> false, NOW);
        assertThat(request.getReferentId()).isNull();
    }

    @Test
    void onlyAMemberCancelsAndOnlyAWaitingRequest() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Map.Entry<String, Actor> actor : ACTORS.entrySet()) {
                boolean expected = (status == EN_ATTENTE || status == COMPLEMENTS) && actor.getValue() == MEMBER;
                assertThat(in(status).canCancel(actor.getValue()))
                        .as(status + " " + actor.getKey())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void complementsAskedOnceAcceptedCannotBeCancelled() {
        Request request = in(EN_COURS);
        request.moveTo(COMPLEMENTS, HANDLER_STAFF, "les factures", NOW);
        assertThat(request.canCancel(MEMBER)).isFalse();
        assertThat(request.nextStatuses(MEMBER)).isEmpty();
        assertRefused(request, ANNULEE, MEMBER, null, "statut", "cancelled once accepted");
    }

    @Test
    void transmittingComplementsGoesBackWhereTheRequestWas() {
        for (RequestStatus before : Set.of(EN_ATTENTE, EN_COURS)) {
            Request request = in(before);
            assertThat(request.moveTo(COMPLEMENTS, HANDLER_STAFF, "le plan", NOW))
                    .isEqualTo(before);
            assertThat(request.getStatusBeforeComplements()).isEqualTo(before);
            assertThat(request.getComplementsSince()).isEqualTo(NOW);
            int events = request.registeredEvents().size();

            assertThat(request.transmitComplements(MEMBER, "le voici", NOW.plusSeconds(3600)))
                    .as(before.name())
                    .isEqualTo(before);

            assertThat(request.getStatus()).as(before.name()).isEqualTo(before);
            assertThat(request.getStatusBeforeComplements()).isNull();
            assertThat(request.getComplementsSince()).isNull();
            assertThat(request.registeredEvents()).hasSize(events + 1);
            assertThat(request.registeredEvents().getLast())
                    .isEqualTo(new RequestEvents.StatusChanged(
                            new RequestEvents.RequestRef(0, 0, 100, COLLECTIVITY, null, HANDLER, 50L),
                            MEMBER.userId(),
                            COMPLEMENTS,
                            before,
                            "le voici"));
        }
    }

    @Test
    void onlyAMemberTransmitsComplementsAndOnlyWhenAsked() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                Actor actor = entry.getValue();
                String what = status + " transmitted by " + entry.getKey();
                Request request = in(status);
                boolean allowed = status == COMPLEMENTS && actor == MEMBER;
                assertThat(request.canTransmitComplements(actor)).as(what).isEqualTo(allowed);
                if (allowed) {
                    continue;
                }
                int events = request.registeredEvents().size();
                if (actor == FOREIGN_MEMBER || actor == OTHER_STAFF) {
                    assertThatThrownBy(() -> request.transmitComplements(actor, "x", NOW))
                            .as(what)
                            .isInstanceOf(RequestException.class);
                } else {
                    assertThatThrownBy(() -> request.transmitComplements(actor, "x", NOW))
                            .as(what)
                            .isInstanceOf(FieldRefusal.class);
                }
                assertThat(request.getStatus()).as(what).isEqualTo(status);
                assertThat(request.registeredEvents()).as(what).hasSize(events);
            }
        }
    }

    @Test
    void askingForComplementsNeedsTheMessageForTheCollectivity() {
        assertRefused(in(EN_ATTENTE), COMPLEMENTS, HANDLER_STAFF, "  ", "motif", "asked without a message");
        assertThatThrownBy(() -> in(EN_COURS).moveTo(COMPLEMENTS, ADMIN, null, NOW))
                .isInstanceOfSatisfying(
                        FieldRefusal.class,
                        e -> assertThat(e.getMessage()).contains("Indiquez les compléments attendus"));
    }

    @Test
    void nextStatusesForEveryStatusAndActor() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                Actor actor = entry.getValue();
                assertThat(in(status).nextStatuses(actor))
                        .as(status + " " + entry.getKey())
                        .containsExactlyInAnyOrderElementsOf(expectedNext(status, actor));
            }
        }
    }

    @Test
    void everyMoveIsAllowedOrRefusedAsTheTableSays() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus target : RequestStatus.values()) {
                for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                    Actor actor = entry.getValue();
                    String what = from + " -> " + target + " by " + entry.getKey();
                    Request request = in(from);
                    if (actor == FOREIGN_MEMBER || actor == OTHER_STAFF) {
                        assertHidden(request, target, actor, what);
                    } else if (!expectedNext(from, actor).contains(target)) {
                        assertRefused(request, target, actor, "motif", "statut", what);
                    } else {
                        if (reasonRequired(from, target)) {
                            assertRefused(request, target, actor, " ", "motif", what + " without a reason");
                        }
                        assertThat(request.moveTo(target, actor, "motif", NOW))
                                .as(what)
                                .isEqualTo(from);
                        assertThat(request.getStatus()).as(what).isEqualTo(target);
                    }
                }
            }
        }
    }

    @Test
    void movesWithoutAReasonWhereNoneIsAsked() {
        Request request = in(EN_ATTENTE);
        request.moveTo(EN_COURS, HANDLER_STAFF, null, NOW);
        request.moveTo(TERMINEE, HANDLER_STAFF, "", NOW);
        assertThat(request.getStatus()).isEqualTo(TERMINEE);
        Request waiting = in(EN_ATTENTE);
        waiting.moveTo(ANNULEE, MEMBER, null, NOW);
        assertThat(waiting.getStatus()).isEqualTo(ANNULEE);
    }

    @Test
    void aMissingReasonIsRefusedLikeABlankOne() {
        for (RequestStatus from : Set.of(EN_ATTENTE, EN_COURS)) {
            assertRefused(in(from), REJETEE, HANDLER_STAFF, null, "motif", from + " rejected without reason");
            assertRefused(in(from), SUPPRIMEE, ADMIN, null, "motif", from + " deleted without reason");
        }
        for (RequestStatus from : Set.of(TERMINEE, REJETEE)) {
            assertRefused(in(from), EN_COURS, HANDLER_STAFF, null, "motif", from + " reopened without reason");
        }
    }

    @Test
    void theResponsableCanBeRemovedWithoutAskingWhoIsStaff() {
        Request request = in(EN_COURS);
        request.assignResponsable(
                null,
                ADMIN,
                id -> {
                    throw new AssertionError("no one to check");
                },
                NOW);
        assertThat(request.getResponsableId()).isNull();
        assertThat(request.canProcess(HANDLER_STAFF))
                .as("the former responsable")
                .isFalse();
    }

    @Test
    void onlyProcessorsNameAResponsableAndOnlyStaff() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                Actor actor = entry.getValue();
                Request request = in(status);
                if (actor == HANDLER_STAFF || actor == ADMIN) {
                    request.assignResponsable(7L, actor, id -> true, NOW);
                    assertThat(request.getResponsableId())
                            .as(status + " " + entry.getKey())
                            .isEqualTo(7L);
                } else {
                    assertThatThrownBy(() -> request.assignResponsable(7L, actor, id -> true, NOW))
                            .as(status + " " + entry.getKey())
                            .isInstanceOfSatisfying(
                                    RequestException.class,
                                    e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.FORBIDDEN));
                    assertThat(request.getResponsableId()).isEqualTo(HANDLER);
                }
            }
        }
        Request request = in(EN_ATTENTE);
        assertThatThrownBy(() -> request.assignResponsable(8L, ADMIN, id -> false, NOW))
                .isInstanceOf(FieldRefusal.class);
        assertThat(request.getResponsableId()).isEqualTo(HANDLER);
    }

    @Test
    void staffWhoSeeARequestReadItsNotesThoseWhoProcessItWriteThemTheCollectivityNeither() {
        for (RequestStatus status : RequestStatus.values()) {
            Request request = in(status);
            for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                Actor actor = entry.getValue();
                boolean processes = actor == HANDLER_STAFF || actor == ADMIN;
                assertThat(request.canReadNotes(actor))
                        .as(status + " reads: " + entry.getKey())
                        .isEqualTo(processes || actor == FORMER_CHEF);
                assertThat(request.canWriteNote(actor))
                        .as(status + " writes: " + entry.getKey())
                        .isEqualTo(processes);
                if (processes) {
                    request.noted(9, "note", 1, actor);
                    assertThat(request.registeredEvents().getLast())
                            .isEqualTo(new RequestEvents.NoteWritten(
                                    new RequestEvents.RequestRef(0, 0, 100, COLLECTIVITY, null, HANDLER, 50L),
                                    actor.userId(),
                                    9,
                                    "note",
                                    1));
                } else {
                    int events = request.registeredEvents().size();
                    assertThatThrownBy(() -> request.noted(9, "note", 0, actor))
                            .as(status + " " + entry.getKey())
                            .isInstanceOf(RequestException.class);
                    assertThat(request.registeredEvents()).hasSize(events);
                }
            }
        }
    }

    @Test
    void processorsHandAnOpenRequestToOtherActiveStaffForAReason() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Map.Entry<String, Actor> entry : ACTORS.entrySet()) {
                Actor actor = entry.getValue();
                Request request = in(status);
                boolean may = (actor == HANDLER_STAFF || actor == ADMIN) && status.isOpen();
                assertThat(request.canHandOver(actor))
                        .as(status + " " + entry.getKey())
                        .isEqualTo(may);
                if (may) {
                    request.handOver(7L, " congés ", actor, id -> true, NOW.plusSeconds(5));
                    assertThat(request.getResponsableId()).isEqualTo(7L);
                    assertThat(request.getUpdatedAt()).isEqualTo(NOW.plusSeconds(5));
                    assertThat(request.registeredEvents().getLast())
                            .isEqualTo(new RequestEvents.HandedOver(
                                    new RequestEvents.RequestRef(0, 0, 100, COLLECTIVITY, null, 7L, 50L),
                                    actor.userId(),
                                    HANDLER,
                                    "congés"));
                } else {
                    boolean processes = actor == HANDLER_STAFF || actor == ADMIN; // a closed request: told why
                    assertThatThrownBy(() -> request.handOver(7L, "congés", actor, id -> true, NOW))
                            .as(status + " " + entry.getKey())
                            .isInstanceOf(RequestException.class)
                            .hasMessage(
                                    processes
                                            ? "Seule une demande « En attente » ou « En cours » peut être confiée."
                                            : "Vous n'avez pas le droit de faire cette action sur cette demande.");
                    assertThat(request.getResponsableId()).isEqualTo(HANDLER);
                }
            }
        }
        Request request = in(EN_COURS);
        int events = request.registeredEvents().size();
        for (Long refused : new Long[] {null, 8L}) {
            assertThatThrownBy(() -> request.handOver(refused, "congés", ADMIN, id -> id != 8L, NOW))
                    .isInstanceOfSatisfying(
                            FieldRefusal.class, e -> assertThat(e.field()).isEqualTo(Request.HANDOVER_TO));
        }
        assertThatThrownBy(() -> request.handOver(HANDLER, "congés", ADMIN, id -> true, NOW))
                .isInstanceOfSatisfying(
                        FieldRefusal.class, e -> assertThat(e.getMessage()).contains("déjà confiée"));
        for (String reason : new String[] {null, "  ", "x".repeat(Request.MAX_REASON + 1)}) {
            assertThatThrownBy(() -> request.handOver(7L, reason, ADMIN, id -> true, NOW))
                    .isInstanceOfSatisfying(
                            FieldRefusal.class, e -> assertThat(e.field()).isEqualTo(Request.HANDOVER_REASON));
        }
        request.handOver(7L, "x".repeat(Request.MAX_REASON), ADMIN, id -> true, NOW);
        assertThat(request.registeredEvents()).hasSize(events + 1);
    }

    /** The actor does not see the request: « not found », nothing changes. */
    private static void assertHidden(Request request, RequestStatus target, Actor actor, String what) {
        RequestStatus before = request.getStatus();
        int events = request.registeredEvents().size();
        assertThatThrownBy(() -> request.moveTo(target, actor, "motif", NOW))
                .as(what)
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.kind()).as(what).isEqualTo(RequestException.Kind.NOT_FOUND));
        assertThat(request.getStatus()).as(what).isEqualTo(before);
        assertThat(request.registeredEvents()).as(what).hasSize(events);
    }

    /** The move is refused next to {@code field}, nothing changes and no event is registered. */
    private static void assertRefused(
            Request request, RequestStatus target, Actor actor, String reason, String field, String what) {
        RequestStatus before = request.getStatus();
        int events = request.registeredEvents().size();
        assertThatThrownBy(() -> request.moveTo(target, actor, reason, NOW))
                .as(what)
                .isInstanceOfSatisfying(
                        FieldRefusal.class, e -> assertThat(e.field()).as(what).isEqualTo(field));
        assertThat(request.getStatus()).as(what).isEqualTo(before);
        assertThat(request.registeredEvents()).as(what).hasSize(events);
    }

    private static boolean reasonRequired(RequestStatus from, RequestStatus target) {
        return target == REJETEE
                || target == COMPLEMENTS
                || target == SUPPRIMEE
                || (target == EN_COURS && (from == TERMINEE || from == REJETEE));
    }

    private static Set<RequestStatus> expectedNext(RequestStatus status, Actor actor) {
        Set<RequestStatus> next = EnumSet.noneOf(RequestStatus.class);
        if (actor == HANDLER_STAFF || actor == ADMIN) {
            next.addAll(PROCESSING.get(status));
        }
        if (actor == MEMBER && (status == EN_ATTENTE || status == COMPLEMENTS)) { // asked before accepting it
            next.add(ANNULEE);
        }
        if (actor == ADMIN && status != SUPPRIMEE) {
            next.add(SUPPRIMEE);
        }
        return next;
    }
}
