package fr.id77.loans;

import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exhibitions and their copies (tables {@code exhibition}, {@code exhibition_copy}). An exhibition offer created
 * after V57 has no row until it is first booked or set up: it reads as the defaults until then.
 */
@Component
class Exhibitions {

    static final int DEFAULT_MIN_DAYS = 7;
    static final int DEFAULT_MAX_DAYS = 42;
    static final int DEFAULT_BUFFER_DAYS = 3;
    static final String FIRST_COPY = "Exemplaire 1";

    record Copy(long id, String label, boolean active) {}

    /** An exhibition offer's loan rules and copies ({@code stored} false: the defaults, nothing written yet). */
    record Exhibition(
            long offerId, int minDays, int maxDays, int bufferDays, long version, List<Copy> copies, boolean stored) {

        public LoanRules.Settings settings() {
            return new LoanRules.Settings(minDays, maxDays, bufferDays);
        }

        public List<Long> activeCopyIds() {
            return copies.stream().filter(Copy::active).map(Copy::id).toList();
        }

        public int activeCopies() {
            return activeCopyIds().size();
        }

        public Optional<Copy> copy(Long id) {
            return copies.stream().filter(c -> id != null && c.id() == id).findFirst();
        }

        public String copyLabel(Long id) {
            return copy(id).map(Copy::label).orElse(null);
        }
    }

    /** An exhibition offer as the pages name it. */
    record ExhibitionOffer(long id, String code, String title, Long chefDeFileId, boolean published) {
        public String label() {
            return code + " – " + title;
        }
    }

    private final JdbcClient jdbc;
    private final Offers offers;
    private final CatalogueReference reference;

    Exhibitions(JdbcClient jdbc, Offers offers, CatalogueReference reference) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.reference = reference;
    }

    /** Whether the offer is an exhibition (its typology is « Réservation / prêt d'exposition »). */
    boolean isExhibition(Offers.OfferSummary offer) {
        return reference
                .typology("exposition")
                .map(t -> t.label().equals(offer.typology()))
                .orElse(false);
    }

    /** The offer {@code code}, published, if it is an exhibition. */
    Optional<Offers.OfferSummary> publishedExhibition(String code) {
        return offers.publishedByCode(code).filter(this::isExhibition);
    }

    /** Every exhibition offer (published or not), in code order. */
    @Transactional(readOnly = true)
    List<ExhibitionOffer> all() {
        return offers
                .byIds(offers.references().stream().map(Offers.OfferRef::id).toList())
                .values()
                .stream()
                .filter(this::isExhibition)
                .map(o -> new ExhibitionOffer(o.id(), o.code(), o.title(), o.chefDeFileId(), o.published()))
                .sorted(Comparator.comparing((ExhibitionOffer o) -> o.code().charAt(0))
                        .thenComparing(o -> Integer.parseInt(o.code().substring(1))))
                .toList();
    }

    @Transactional(readOnly = true)
    Exhibition of(long offerId) {
        return of(List.of(offerId)).get(offerId);
    }

    /** The exhibitions of these offers (the defaults for one without a row), in two statements. */
    @Transactional(readOnly = true)
    Map<Long, Exhibition> of(Collection<Long> offerIds) {
        if (offerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Copy>> copies = new HashMap<>();
        jdbc.sql("SELECT offer_id, id, label, active FROM exhibition_copy WHERE offer_id IN (:o) ORDER BY id")
                .param("o", offerIds)
                .query(rs -> {
                    copies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Copy(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                });
        Map<Long, Exhibition> found = new HashMap<>();
        jdbc.sql("SELECT offer_id, min_days, max_days, buffer_days, version FROM exhibition WHERE offer_id IN (:o)")
                .param("o", offerIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    found.put(
                            id,
                            new Exhibition(
                                    id,
                                    rs.getInt(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getLong(5),
                                    List.copyOf(copies.getOrDefault(id, List.of())),
                                    true));
                });
        for (long id : offerIds) {
            found.computeIfAbsent(
                    id,
                    k -> new Exhibition(
                            k,
                            DEFAULT_MIN_DAYS,
                            DEFAULT_MAX_DAYS,
                            DEFAULT_BUFFER_DAYS,
                            0,
                            List.of(new Copy(0, FIRST_COPY, true)),
                            false));
        }
        return found;
    }

    /** The exhibition's row and first copy, written with the defaults if it has none yet; then the exhibition. */
    @Transactional
    Exhibition ensure(long offerId) {
        int created = jdbc.sql("INSERT INTO exhibition (offer_id, min_days, max_days, buffer_days) "
                        + "VALUES (:o, :min, :max, :buffer) ON CONFLICT DO NOTHING")
                .param("o", offerId)
                .param("min", DEFAULT_MIN_DAYS)
                .param("max", DEFAULT_MAX_DAYS)
                .param("buffer", DEFAULT_BUFFER_DAYS)
                .update();
        if (created == 1) {
            addCopy(offerId, FIRST_COPY);
        }
        return of(offerId);
    }

    /** Changes the loan rules, provided nobody changed them since {@code version}. */
    @Transactional
    void update(long offerId, int minDays, int maxDays, int bufferDays, long version) {
        Exhibition current = ensure(offerId);
        Versions.requireCurrent(version, current.version(), Exhibition.class, offerId);
        if (maxDays < minDays) {
            throw new FieldRefusal("maxDays", "La durée maximale ne peut pas être plus courte que la durée minimale.");
        }
        jdbc.sql("UPDATE exhibition SET min_days = :min, max_days = :max, buffer_days = :buffer, version = version + 1 "
                        + "WHERE offer_id = :o")
                .param("min", minDays)
                .param("max", maxDays)
                .param("buffer", bufferDays)
                .param("o", offerId)
                .update();
    }

    /** Adds a copy named {@code label}; a name the exhibition already has is refused next to the field. */
    @Transactional
    long addCopy(long offerId, String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            throw new FieldRefusal("label", "Donnez un nom à l'exemplaire, par exemple « Exemplaire 2 ».");
        }
        if (name.length() > 80) {
            throw new FieldRefusal("label", "Le nom de l'exemplaire dépasse 80 caractères.");
        }
        boolean taken = jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM exhibition_copy WHERE offer_id = :o AND lower(label) = lower(:l))")
                .param("o", offerId)
                .param("l", name)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new FieldRefusal("label", "Cette exposition a déjà un exemplaire nommé « " + name + " ».");
        }
        return jdbc.sql("INSERT INTO exhibition_copy (offer_id, label) VALUES (:o, :l) RETURNING id")
                .param("o", offerId)
                .param("l", name)
                .query(Long.class)
                .single();
    }

    /**
     * Puts a copy back into service or takes it out: a copy still lent or promised for a loan to come stays in service
     * (its loans would lose their copy).
     */
    @Transactional
    void setActive(long offerId, long copyId, boolean active, java.time.LocalDate today) {
        Exhibition exhibition = ensure(offerId);
        if (exhibition.copy(copyId).isEmpty()) {
            throw new FieldRefusal(null, "Cet exemplaire n'appartient pas à cette exposition.");
        }
        if (!active) {
            long loans = jdbc.sql("SELECT count(*) FROM loan_booking WHERE status = 'CONFIRMED' AND copy_id = :c "
                            + "AND ends_on >= :today")
                    .param("c", copyId)
                    .param("today", today)
                    .query(Long.class)
                    .single();
            if (loans > 0) {
                throw new FieldRefusal(
                        null,
                        "Cet exemplaire est prêté ou promis pour " + loans + (loans > 1 ? " prêts" : " prêt")
                                + " à venir : il reste en service tant qu'ils ne sont pas terminés ou annulés.");
            }
            if (exhibition.activeCopies() <= 1
                    && exhibition.copy(copyId).orElseThrow().active()) {
                throw new FieldRefusal(null, "Une exposition garde au moins un exemplaire en service.");
            }
        }
        jdbc.sql("UPDATE exhibition_copy SET active = :a WHERE id = :c")
                .param("a", active)
                .param("c", copyId)
                .update();
        jdbc.sql("UPDATE exhibition SET version = version + 1 WHERE offer_id = :o")
                .param("o", offerId)
                .update();
    }
}
