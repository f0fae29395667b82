package fr.id77.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as other modules see it (favourites, requests): offers by code or id, by reference only. */
@Service
public class Offers {

    /**
     * What another module needs to know of an offer. An offer withdrawn from the catalogue ({@code published}
     * false) keeps its requests and favourites, but has no public page and takes no new request.
     */
    public record OfferSummary(
            long id,
            String code,
            String title,
            String typology,
            String organisation,
            List<CatalogueReference.DomainRef> domains,
            String practicalInfo,
            Long chefDeFileId,
            boolean published,
            String summary) {}

    /**
     * Every offer as the lists of other modules filter and show it (the requests list: its « Prestation » filter,
     * its domain and thematic filters, the offers a chef de file leads, the code and title of each row).
     */
    public record OfferRef(
            long id,
            String code,
            String title,
            boolean published,
            Long chefDeFileId,
            Set<Short> domainIds,
            Set<Short> thematicIds,
            int answerDays,
            Integer completionDays) {

        /**
         * « O36 – Title », for filters of lists: requests stay on an offer withdrawn from the catalogue, which is then
         * marked « (retirée) ».
         */
        public String choiceLabel() {
            return code + " – " + title + (published ? "" : " (retirée)");
        }
    }

    private final JdbcClient jdbc;
    private final CatalogueReference reference;
    private final OfferDomains offerDomains;
    private final CatalogueVersion version;

    /** Every offer as {@link #references()} last read it, with the catalogue version it was read at. */
    private volatile VersionedReferences references;

    private record VersionedReferences(long version, List<OfferRef> offers) {}

    Offers(JdbcClient jdbc, CatalogueReference reference, OfferDomains offerDomains, CatalogueVersion version) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.offerDomains = offerDomains;
        this.version = version;
    }

    @Transactional(readOnly = true)
    public Optional<OfferSummary> publishedByCode(String code) {
        if (code == null || !code.strip().toUpperCase().matches("[A-Z][0-9]{1,4}")) {
            return Optional.empty();
        }
        Map<Long, OfferSummary> found = load(
                "o.code = :code AND o.published", Map.of("code", code.strip().toUpperCase()));
        return found.values().stream().findFirst();
    }

    /** Offers by id (published or not: a request keeps its offer), in one statement plus one for their domains. */
    @Transactional(readOnly = true)
    public Map<Long, OfferSummary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return load("o.id IN (:ids)", Map.of("ids", ids));
    }

    /**
     * Every offer, published or not, in identifier order, with its domains and thematics. Read again only when the
     * catalogue's version has changed (V38, re-read at most every {@code id77.catalogue.cache.recheck}): every page of
     * the requests list needs them, and reading the 136 offers with their arrays was a third of such a page's work in
     * the database. A change of chef de file reaches the list within that interval; the former chef de file keeps
     * seeing the requests he led anyway.
     */
    public List<OfferRef> references() {
        long current = version.current();
        VersionedReferences known = references;
        if (known != null && known.version() == current) {
            return known.offers();
        }
        List<OfferRef> read = readReferences();
        references = new VersionedReferences(current, read);
        return read;
    }

    private List<OfferRef> readReferences() {
        return jdbc.sql("SELECT o.id, o.code, o.title, o.published, o.chef_de_file_id, "
                        + "array(SELECT od.domain_id::int FROM offer_domain od WHERE od.offer_id = o.id), "
                        + "array(SELECT ot.thematic_id::int FROM offer_thematic ot WHERE ot.offer_id = o.id), "
                        + "o.answer_days, o.completion_days "
                        + "FROM offer o ORDER BY " + CatalogueSearch.CODE_ORDER)
                .query((rs, n) -> new OfferRef(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, Long.class),
                        shorts((Integer[]) rs.getArray(6).getArray()),
                        shorts((Integer[]) rs.getArray(7).getArray()),
                        rs.getInt(8),
                        rs.getObject(9, Integer.class)))
                .list();
    }

    private static Set<Short> shorts(Integer[] values) {
        return Stream.of(values).map(Integer::shortValue).collect(Collectors.toUnmodifiableSet());
    }

    /** Demo data only: every offer without a chef de file is given this one (no event: nothing was decided). */
    @Transactional
    public void leadUnledOffersForDemo(long chefDeFileId) {
        jdbc.sql("UPDATE offer SET chef_de_file_id = :chef WHERE chef_de_file_id IS NULL")
                .param("chef", chefDeFileId)
                .update();
    }

    /** The thematic labels of an offer. */
    @Transactional(readOnly = true)
    public List<String> thematics(long offerId) {
        return jdbc.sql(
                        "SELECT t.label FROM offer_thematic ot JOIN thematic t ON t.id = ot.thematic_id WHERE ot.offer_id = :id "
                                + "ORDER BY t.domain_id, t.position")
                .param("id", offerId)
                .query(String.class)
                .list();
    }

    private Map<Long, OfferSummary> load(String where, Map<String, ?> params) {
        record StoredOffer(
                long id,
                String code,
                String title,
                short typologyId,
                String organisation,
                String practicalInfo,
                Long chefDeFileId,
                boolean published,
                String summary) {}
        List<StoredOffer> rows = jdbc.sql(
                        "SELECT o.id, o.code, o.title, o.typology_id, org.name, o.practical_info, o.chef_de_file_id, o.published, o.summary "
                                + "FROM offer o JOIN organisation org ON org.id = o.organisation_id WHERE " + where)
                .params(params)
                .query((rs, n) -> new StoredOffer(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getShort(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, Long.class),
                        rs.getBoolean(8),
                        rs.getString(9)))
                .list();
        Map<Long, List<CatalogueReference.DomainRef>> domains =
                offerDomains.of(rows.stream().map(StoredOffer::id).toList());
        Map<Long, OfferSummary> result = new LinkedHashMap<>();
        for (StoredOffer r : rows) {
            result.put(
                    r.id(),
                    new OfferSummary(
                            r.id(),
                            r.code(),
                            r.title(),
                            reference.typology(r.typologyId()).label(),
                            r.organisation(),
                            domains.getOrDefault(r.id(), List.of()),
                            r.practicalInfo(),
                            r.chefDeFileId(),
                            r.published(),
                            r.summary()));
        }
        return result;
    }
}
