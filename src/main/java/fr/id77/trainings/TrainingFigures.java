package fr.id77.trainings;

import fr.id77.catalogue.Offers;
import fr.id77.shared.time.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training figures of {@code /statistiques} (read only, one statement): the sessions held in a period (begun, not
 * cancelled), the participants who had a seat, those marked present, and the attendance rate among the participants
 * whose attendance was marked — in all and per offer.
 */
@Service
public class TrainingFigures {

    /** One line of the table: an offer (or the total), its sessions held, seats taken, attendance. */
    public record Row(String label, long sessions, long registered, long marked, long attended) {

        /** « 87 % » of those whose attendance was marked, or « – » when none was. */
        public String rateText() {
            return marked == 0 ? "–" : String.format(Locale.FRANCE, "%d %%", Math.round(100.0 * attended / marked));
        }
    }

    /** The total first, then each offer with a session held, by code. */
    public record Summary(Row total, List<Row> byOffer) {}

    private final JdbcClient jdbc;
    private final Offers offers;
    private final Clock clock;

    TrainingFigures(JdbcClient jdbc, Offers offers, Clock clock) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.clock = clock;
    }

    /**
     * The sessions of {@code offerIds} begun from {@code from} to {@code to} (Paris days, included) and not cancelled;
     * {@code collectivityIds} (null: all) limits the participants counted.
     */
    @Transactional(readOnly = true)
    public Summary over(LocalDate from, LocalDate to, Collection<Long> offerIds, Set<Long> collectivityIds) {
        Instant start = from.atStartOfDay(TimeConfiguration.PARIS).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(TimeConfiguration.PARIS).toInstant();
        Instant now = clock.instant();
        if (now.isBefore(end)) {
            end = now;
        }
        Map<Long, Offers.OfferRef> refs =
                offers.references().stream().collect(Collectors.toMap(Offers.OfferRef::id, Function.identity()));
        List<Row> byOffer = new ArrayList<>();
        if (!offerIds.isEmpty() && (collectivityIds == null || !collectivityIds.isEmpty())) {
            jdbc.sql("""
                            SELECT s.offer_id, count(DISTINCT s.id),
                                   count(r.id) FILTER (WHERE r.status = 'CONFIRMED'),
                                   count(r.id) FILTER (WHERE r.status = 'CONFIRMED' AND r.attended IS NOT NULL),
                                   count(r.id) FILTER (WHERE r.status = 'CONFIRMED' AND r.attended)
                            FROM training_session s
                            LEFT JOIN session_registration r ON r.session_id = s.id
                                 AND (:allCollectivities OR r.collectivity_id IN (:collectivities))
                            WHERE s.cancelled_at IS NULL AND s.starts_at >= :start AND s.starts_at < :end
                              AND s.offer_id IN (:offers)
                            GROUP BY s.offer_id""")
                    .param("allCollectivities", collectivityIds == null)
                    .param("collectivities", collectivityIds == null ? List.of(-1L) : collectivityIds)
                    .param("start", Timestamp.from(start))
                    .param("end", Timestamp.from(end))
                    .param("offers", offerIds)
                    .query(rs -> {
                        Offers.OfferRef offer = refs.get(rs.getLong(1));
                        byOffer.add(new Row(
                                offer == null ? "?" : offer.choiceLabel(),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5)));
                    });
        }
        byOffer.sort(java.util.Comparator.comparing(Row::label));
        Row total = new Row(
                "Total",
                byOffer.stream().mapToLong(Row::sessions).sum(),
                byOffer.stream().mapToLong(Row::registered).sum(),
                byOffer.stream().mapToLong(Row::marked).sum(),
                byOffer.stream().mapToLong(Row::attended).sum());
        return new Summary(total, byOffer);
    }
}
