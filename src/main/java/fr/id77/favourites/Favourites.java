package fr.id77.favourites;

import fr.id77.catalogue.FavouriteMarks;
import fr.id77.catalogue.Offers;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Favourite offers of each account: toggled from the catalogue, listed on « Favoris ». */
@Service
public class Favourites implements FavouriteMarks {

    /** A favourite with the offer it points to and the date it was added. */
    public record Favourite(Offers.OfferSummary offer, Instant addedAt) {}

    private final JdbcClient jdbc;
    private final Offers offers;

    Favourites(JdbcClient jdbc, Offers offers) {
        this.jdbc = jdbc;
        this.offers = offers;
    }

    /** Adds the offer to the favourites, or removes it; returns whether it is now a favourite. */
    @Transactional
    public boolean toggle(long userId, long offerId) {
        int removed = jdbc.sql("DELETE FROM favourite WHERE user_id = :u AND offer_id = :o")
                .param("u", userId)
                .param("o", offerId)
                .update();
        if (removed > 0) {
            return false;
        }
        add(userId, offerId);
        return true;
    }

    @Transactional
    public void add(long userId, long offerId) {
        jdbc.sql("INSERT INTO favourite (user_id, offer_id) VALUES (:u, :o) ON CONFLICT DO NOTHING")
                .param("u", userId)
                .param("o", offerId)
                .update();
    }

    @Transactional
    public boolean remove(long userId, long offerId) {
        return jdbc.sql("DELETE FROM favourite WHERE user_id = :u AND offer_id = :o")
                        .param("u", userId)
                        .param("o", offerId)
                        .update()
                > 0;
    }

    /** The favourites of an account, most recent first (two statements for the offers whatever their number). */
    @Transactional(readOnly = true)
    public List<Favourite> of(long userId) {
        record Starred(long offerId, Instant addedAt) {}
        List<Starred> rows = jdbc.sql(
                        "SELECT offer_id, created_at FROM favourite WHERE user_id = :u ORDER BY created_at DESC, offer_id")
                .param("u", userId)
                .query((rs, n) -> new Starred(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        Map<Long, Offers.OfferSummary> byId =
                offers.byIds(rows.stream().map(Starred::offerId).toList());
        return rows.stream()
                .filter(r -> byId.containsKey(r.offerId()))
                .map(r -> new Favourite(byId.get(r.offerId()), r.addedAt()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> favouritesAmong(long userId, Collection<Long> offerIds) {
        if (offerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT offer_id FROM favourite WHERE user_id = :u AND offer_id IN (:ids)")
                .param("u", userId)
                .param("ids", offerIds)
                .query(Long.class)
                .list());
    }
}
