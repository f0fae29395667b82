package fr.id77.requests;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.Role;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing requests to another staff member, who becomes their responsable (and so processes them), for a reason kept
 * in the history: one request from its page, or every open request of a staff member who leaves, by an admin, in one
 * transaction. Each request goes through {@link Request#handOver}, which checks the actor and the person chosen.
 */
@Service
public class RequestHandover {

    /** An open request of a staff member, as the handover page lists it. */
    public record OpenRequest(
            int numero,
            RequestStatus status,
            Instant filedAt,
            String offer,
            String collectivity,
            boolean responsable) {}

    /** A staff member and the open requests he handles. */
    public record Workload(AccountSummary person, List<OpenRequest> requests) {}

    private final RequestRepository requests;
    private final Accounts accounts;
    private final Offers offers;
    private final Collectivities collectivities;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestHandover(
            RequestRepository requests,
            Accounts accounts,
            Offers offers,
            Collectivities collectivities,
            JdbcClient jdbc,
            Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.offers = offers;
        this.collectivities = collectivities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Hands one request to {@code toUserId}, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public void handOver(int numero, Long toUserId, String reason, long expectedVersion, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        Versions.requireCurrent(expectedVersion, request.getVersion(), Request.class, request.getId());
        request.handOver(toUserId, reason, actor, accounts::isActiveStaff, clock.instant());
        requests.saveAndFlush(request);
    }

    /**
     * The staff member {@code userId} and the open requests he handles: those he is responsable of, and those of the
     * offers he leads that have no responsable. Empty when the account is not staff (or does not exist).
     */
    @Transactional(readOnly = true)
    public Optional<Workload> workload(long userId) {
        return accounts.summary(userId)
                .filter(a -> a.role() == Role.CHEF_DE_FILE || a.role() == Role.ADMIN)
                .map(person -> {
                    List<Request> open = openHandledBy(userId);
                    Map<Long, Offers.OfferSummary> offerById =
                            offers.byIds(open.stream().map(Request::getOfferId).collect(Collectors.toSet()));
                    Map<Long, String> names = collectivities
                            .names(open.stream().map(Request::getCollectivityId).collect(Collectors.toSet()), List.of())
                            .collectivities();
                    return new Workload(
                            person,
                            open.stream()
                                    .map(r -> {
                                        Offers.OfferSummary o = offerById.get(r.getOfferId());
                                        return new OpenRequest(
                                                r.getNumero(),
                                                r.getStatus(),
                                                r.getCreatedAt(),
                                                o == null ? "" : o.code() + " – " + o.title(),
                                                names.get(r.getCollectivityId()),
                                                Long.valueOf(userId).equals(r.getResponsableId()));
                                    })
                                    .toList());
                });
    }

    /**
     * Hands every open request that {@code fromUserId} handles to {@code toUserId}, for {@code reason}, all or none:
     * an admin's act before the person leaves. Returns how many were handed over.
     */
    @Transactional
    public int handOverAll(long fromUserId, Long toUserId, String reason, Actor actor) {
        if (!actor.admin()) {
            throw RequestException.forbidden();
        }
        if (toUserId != null && toUserId == fromUserId) {
            throw new FieldRefusal(Request.HANDOVER_TO, "Choisissez un autre agent que la personne qui s'en va.");
        }
        List<Request> open = openHandledBy(fromUserId);
        if (open.isEmpty()) {
            throw new FieldRefusal(Request.HANDOVER_TO, "Cette personne n'a aucune demande ouverte à confier.");
        }
        Instant now = clock.instant();
        for (Request request : open) {
            request.handOver(toUserId, reason, actor, accounts::isActiveStaff, now);
            requests.saveAndFlush(request);
        }
        return open.size();
    }

    /** The open requests {@code userId} handles, oldest first: responsable, or chef de file of an offer with none. */
    private List<Request> openHandledBy(long userId) {
        List<String> open = Arrays.stream(RequestStatus.values())
                .filter(RequestStatus::isOpen)
                .map(Enum::name)
                .toList();
        List<Long> ids = jdbc.sql("SELECT id FROM request r WHERE r.status IN (:open) AND (r.responsable_id = :me "
                        + "OR (r.responsable_id IS NULL AND r.offer_id IN (:led))) ORDER BY r.created_at, r.id")
                .param("open", open)
                .param("me", userId)
                .param("led", RequestReadModel.ledBy(offers.references(), userId))
                .query(Long.class)
                .list();
        Map<Long, Request> byId = requests.findAllById(ids).stream().collect(Collectors.toMap(Request::getId, r -> r));
        return ids.stream().map(byId::get).toList();
    }
}
