package fr.id77.loans;

import fr.id77.membership.Collectivities;
import fr.id77.shared.calendar.IcsCalendar;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The private iCalendar feeds staff subscribe to from their calendar: one per exhibition (its loans) and one per chef de
 * file (the loans of the exhibitions he leads), each at an address holding a random token of 256 bits. Renewing a feed
 * revokes its previous address, which then answers 404.
 */
@Component
class LoanFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Released loans stay in the feeds, cancelled, for this many days after their end (calendars remove them). */
    private static final int CANCELLED_KEPT_DAYS = 60;

    private final JdbcClient jdbc;
    private final Exhibitions exhibitions;
    private final Collectivities collectivities;
    private final Clock clock;
    private final String baseUrl;

    LoanFeeds(
            JdbcClient jdbc,
            Exhibitions exhibitions,
            Collectivities collectivities,
            Clock clock,
            @Value("${id77.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.exhibitions = exhibitions;
        this.collectivities = collectivities;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The address of a feed's token. */
    String url(String token) {
        return baseUrl + "/calendriers/" + token + ".ics";
    }

    Optional<String> exhibitionToken(long offerId) {
        return jdbc.sql("SELECT token FROM loan_calendar_feed WHERE offer_id = :o AND revoked_at IS NULL")
                .param("o", offerId)
                .query(String.class)
                .optional();
    }

    /** The feed addresses of these exhibitions that have one, by offer. */
    Map<Long, String> exhibitionTokens(java.util.Collection<Long> offerIds) {
        if (offerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> tokens = new java.util.HashMap<>();
        jdbc.sql("SELECT offer_id, token FROM loan_calendar_feed WHERE offer_id IN (:o) AND revoked_at IS NULL")
                .param("o", offerIds)
                .query(rs -> {
                    tokens.put(rs.getLong(1), rs.getString(2));
                });
        return tokens;
    }

    Optional<String> chefToken(long userId) {
        return jdbc.sql("SELECT token FROM loan_calendar_feed WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", userId)
                .query(String.class)
                .optional();
    }

    /** Revokes the exhibition's feed address, if any, and gives it a new one. */
    @Transactional
    String renewExhibition(long offerId) {
        exhibitions.ensure(offerId);
        jdbc.sql("UPDATE loan_calendar_feed SET revoked_at = now() WHERE offer_id = :o AND revoked_at IS NULL")
                .param("o", offerId)
                .update();
        return insert("offer_id", offerId);
    }

    /** Revokes the chef de file's feed address, if any, and gives him a new one. */
    @Transactional
    String renewChef(long userId) {
        jdbc.sql("UPDATE loan_calendar_feed SET revoked_at = now() WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", userId)
                .update();
        return insert("user_id", userId);
    }

    private String insert(String column, long id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO loan_calendar_feed (token, " + column + ") VALUES (:t, :id)")
                .param("t", token)
                .param("id", id)
                .update();
        return token;
    }

    private record Feed(Long offerId, Long userId) {}

    /** The feed at {@code token}: empty when the token is unknown or revoked. */
    @Transactional(readOnly = true)
    Optional<String> ics(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Optional<Feed> feed = jdbc.sql(
                        "SELECT offer_id, user_id FROM loan_calendar_feed WHERE token = :t AND revoked_at IS NULL")
                .param("t", token)
                .query((rs, n) -> new Feed(rs.getObject(1, Long.class), rs.getObject(2, Long.class)))
                .optional();
        return feed.map(f -> {
            List<Exhibitions.ExhibitionOffer> shown = exhibitions.all().stream()
                    .filter(o -> f.offerId() != null
                            ? o.id() == f.offerId()
                            : f.userId().equals(o.chefDeFileId()))
                    .toList();
            String name = f.offerId() != null && !shown.isEmpty()
                    ? "Prêts ID77 – " + shown.getFirst().label()
                    : "Prêts d'expositions ID77 – mes expositions";
            return IcsCalendar.write(name, events(shown), clock.instant());
        });
    }

    private List<IcsCalendar.Event> events(List<Exhibitions.ExhibitionOffer> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<Long, Exhibitions.ExhibitionOffer> byId =
                shown.stream().collect(Collectors.toMap(Exhibitions.ExhibitionOffer::id, o -> o));
        record Row(
                long id,
                int numero,
                long offerId,
                long collectivityId,
                long copyId,
                java.time.LocalDate start,
                java.time.LocalDate end,
                int buffer,
                boolean released) {}
        List<Row> rows = jdbc.sql("SELECT id, request_numero, offer_id, collectivity_id, copy_id, starts_on, ends_on, "
                        + "buffer_days, status FROM loan_booking WHERE offer_id IN (:offers) AND copy_id IS NOT NULL "
                        + "AND (status = 'CONFIRMED' OR ends_on >= :since) ORDER BY starts_on, id")
                .param("offers", byId.keySet())
                .param("since", java.time.LocalDate.now(clock).minusDays(CANCELLED_KEPT_DAYS))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6, java.time.LocalDate.class),
                        rs.getObject(7, java.time.LocalDate.class),
                        rs.getInt(8),
                        "RELEASED".equals(rs.getString(9))))
                .list();
        Map<Long, String> names = collectivities
                .names(rows.stream().map(Row::collectivityId).toList(), List.of())
                .collectivities();
        Map<Long, Exhibitions.Exhibition> settings = new java.util.HashMap<>();
        return rows.stream()
                .map(r -> {
                    Exhibitions.ExhibitionOffer offer = byId.get(r.offerId());
                    String collectivity = names.getOrDefault(r.collectivityId(), "Collectivité");
                    String copy = settings.computeIfAbsent(r.offerId(), exhibitions::of)
                            .copyLabel(r.copyId());
                    IcsCalendar.Event event = IcsCalendar.Event.days(
                            "pret-" + r.id() + "@id77",
                            r.start(),
                            r.end(),
                            offer.code() + " – " + collectivity + " (demande N°" + r.numero() + ")",
                            offer.label() + ", " + copy + ", prêtée à " + collectivity + " "
                                    + new LoanRules.Period(r.start(), r.end()).label() + ". Transport : "
                                    + r.buffer() + " jours avant et après.",
                            baseUrl + "/demandes/" + r.numero());
                    return r.released() ? event.cancel() : event;
                })
                .toList();
    }
}
