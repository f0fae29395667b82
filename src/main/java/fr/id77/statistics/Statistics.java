package fr.id77.statistics;

import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferRef;
import fr.id77.membership.Collectivities;
import fr.id77.requests.RequestStatus;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the figures of {@code /statistiques} in a fixed number of statements, whatever the period: the offers (two,
 * one through the catalogue's facade), the collectivities with their adhesion date (one), and the period's requests
 * in filing order (one index-only range scan of {@code statistics_request}, V40), each row counted once in every
 * figure and its working days computed through a {@link WorkingDayIndex}. Deleted requests (« Supprimée », duplicates
 * removed by an admin) are left out of every figure.
 */
@Service
class Statistics {

    /** Who looks: an admin sees every request, a chef de file those of the offers he leads. */
    record Viewer(long userId, boolean admin) {}

    /**
     * A collectivity as the figures count it: its rank among all (for the collectivities that filed), the rank of its
     * canton and of its category in their lists (-1 for one not in the list), whether its adhesion is active now and
     * its adhesion date.
     */
    private record Place(
            int rank,
            String canton,
            int cantonRank,
            String category,
            int categoryRank,
            boolean adherent,
            LocalDate adhesion) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private final JdbcClient jdbc;
    private final Offers offers;
    private final CatalogueReference catalogue;
    private final Collectivities collectivities;
    private final Clock clock;

    Statistics(
            JdbcClient jdbc, Offers offers, CatalogueReference catalogue, Collectivities collectivities, Clock clock) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.catalogue = catalogue;
        this.collectivities = collectivities;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The offers whose requests the viewer may count, in identifier order; no transaction of its own: the catalogue
     * keeps them in memory, and a transaction per display cost its round trips for nothing.
     */
    List<OfferRef> offersOf(Viewer viewer) {
        return offers.references().stream()
                .filter(o -> viewer.admin() || Objects.equals(o.chefDeFileId(), viewer.userId()))
                .toList();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report report(StatisticsQuery q, Viewer viewer, List<OfferRef> visible) {
        List<OfferRef> counted = visible.stream()
                .filter(o -> q.offer() == null || o.id() == q.offer().id())
                .filter(o ->
                        q.domain() == null || o.domainIds().contains(q.domain().id()))
                .toList();
        Map<Long, Short> typologyOf = new HashMap<>();
        jdbc.sql("SELECT id, typology_id FROM offer").query(rs -> {
            typologyOf.put(rs.getLong(1), rs.getShort(2));
        });
        Map<String, String> cantons = collectivities.cantons();
        Map<String, String> categories = collectivities.categories();
        Map<Long, Place> places = places(List.copyOf(cantons.keySet()), List.copyOf(categories.keySet()));

        // the period's requests, each counted in every figure; their days come as distances from the period's first
        Period period = q.period();
        List<YearMonth> months = period.months();
        YearMonth firstMonth = months.getFirst();
        int[] monthOfDay = new int[(int) ChronoUnit.DAYS.between(period.from(), period.to()) + 1];
        for (int day = 0; day < monthOfDay.length; day++) {
            monthOfDay[day] =
                    (int) firstMonth.until(YearMonth.from(period.from().plusDays(day)), ChronoUnit.MONTHS);
        }
        long[] perMonth = new long[months.size()];
        Map<Long, Integer> offerIndex = new HashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            offerIndex.put(counted.get(i).id(), i);
        }
        long[] perOffer = new long[counted.size()];
        long[] perCanton = new long[cantons.size()];
        long[] perCategory = new long[categories.size()];
        long[] perStatus = new long[RequestStatus.values().length];
        boolean[] filers = new boolean[places.size()];
        List<ResponseTimes.Gatherer> offerTimes = counted.stream()
                .map(o -> new ResponseTimes.Gatherer(o.code() + " – " + o.title()))
                .toList();
        Map<Short, ResponseTimes.Gatherer> domainTimes = new LinkedHashMap<>();
        catalogue.domains().forEach(d -> domainTimes.put(d.id(), new ResponseTimes.Gatherer(d.label())));
        List<List<ResponseTimes.Gatherer>> offerDomainTimes = counted.stream()
                .map(o -> o.domainIds().stream()
                        .map(domainTimes::get)
                        .filter(Objects::nonNull)
                        .toList())
                .toList();
        WorkingDayIndex workingDays = new WorkingDayIndex(period.from(), max(period.to(), today()));
        long[] filed = {0};

        StringBuilder where = new StringBuilder("filed_on BETWEEN :from AND :to AND status <> 'SUPPRIMEE'");
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        if (counted.size() < typologyOf.size()) {
            where.append(" AND offer_id IN (:offers)");
            params.put("offers", orNone(counted.stream().map(OfferRef::id).toList()));
        }
        if (!q.canton().isEmpty()) {
            where.append(" AND collectivity_id IN (:collectivities)");
            params.put(
                    "collectivities",
                    orNone(places.entrySet().stream()
                            .filter(e -> q.canton().equals(e.getValue().canton()))
                            .map(Map.Entry::getKey)
                            .toList()));
        }
        jdbc.sql("SELECT offer_id, collectivity_id, status, filed_on - :from, decided_on - :from, "
                        + "completed_on - :from FROM statistics_request WHERE " + where)
                .params(params)
                .query((ResultSet rs) -> {
                    Integer o = offerIndex.get(rs.getLong(1));
                    if (o == null) {
                        return; // an offer out of scope (never, the statement keeps only counted offers)
                    }
                    filed[0]++;
                    int filedOn = rs.getInt(4);
                    perMonth[monthOfDay[filedOn]]++;
                    perOffer[o]++;
                    Place place = places.get(rs.getLong(2));
                    if (place != null) {
                        filers[place.rank()] = true;
                        if (place.cantonRank() >= 0) {
                            perCanton[place.cantonRank()]++;
                        }
                        if (place.categoryRank() >= 0) {
                            perCategory[place.categoryRank()]++;
                        }
                    }
                    perStatus[RequestStatus.valueOf(rs.getString(3)).ordinal()]++;
                    int decided = rs.getInt(5);
                    if (!rs.wasNull()) {
                        long days = workingDays.between(filedOn, decided);
                        offerTimes.get(o).decision(days);
                        offerDomainTimes.get(o).forEach(g -> g.decision(days));
                    }
                    int completed = rs.getInt(6);
                    if (!rs.wasNull()) {
                        long days = workingDays.between(filedOn, completed);
                        offerTimes.get(o).completion(days);
                        offerDomainTimes.get(o).forEach(g -> g.completion(days));
                    }
                });

        // the collectivities' ratings of the period's requests, per offer and per domain of the offer
        List<Satisfaction.Gatherer> offerRatings = counted.stream()
                .map(o -> new Satisfaction.Gatherer(o.code() + " – " + o.title()))
                .toList();
        Map<Short, Satisfaction.Gatherer> domainRatings = new LinkedHashMap<>();
        catalogue.domains().forEach(d -> domainRatings.put(d.id(), new Satisfaction.Gatherer(d.label())));
        jdbc.sql("SELECT offer_id, g.rating, count(*) FROM statistics_request s JOIN request_rating g "
                        + "ON g.request_id = s.request_id WHERE " + where + " GROUP BY 1, 2")
                .params(params)
                .query((ResultSet rs) -> {
                    Integer o = offerIndex.get(rs.getLong(1));
                    if (o == null) {
                        return;
                    }
                    int note = rs.getInt(2);
                    int count = rs.getInt(3);
                    offerRatings.get(o).add(note, count);
                    counted.get(o).domainIds().stream()
                            .map(domainRatings::get)
                            .filter(Objects::nonNull)
                            .forEach(g -> g.add(note, count));
                });

        // figures, every category shown even when nothing was filed in it
        List<Figure.Bar> monthBars = IntStream.range(0, months.size())
                .mapToObj(i -> new Figure.Bar(
                        capitalised(MONTH.format(months.get(i))), shortMonth(months.get(i)), perMonth[i]))
                .toList();
        Map<Short, Long> perDomain = new LinkedHashMap<>();
        Map<Short, Long> perTypology = new LinkedHashMap<>();
        for (int i = 0; i < counted.size(); i++) {
            OfferRef offer = counted.get(i);
            long n = perOffer[i];
            offer.domainIds().forEach(d -> perDomain.merge(d, n, Long::sum));
            perTypology.merge(typologyOf.getOrDefault(offer.id(), (short) 0), n, Long::sum);
        }
        List<Figure.Bar> domainBars = catalogue.domains().stream()
                .filter(d -> q.domain() == null || d.id() == q.domain().id())
                .map(d -> bar(d.label(), perDomain.getOrDefault(d.id(), 0L)))
                .toList();
        List<Figure.Bar> typologyBars = catalogue.typologies().stream()
                .map((TypologyRef t) -> bar(t.label(), perTypology.getOrDefault(t.id(), 0L)))
                .toList();
        List<Figure.Bar> offerBars = IntStream.range(0, counted.size())
                .filter(i -> perOffer[i] > 0)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -perOffer[i]).thenComparing(i -> i))
                .limit(20)
                .map(i -> new Figure.Bar(
                        counted.get(i).code() + " – " + counted.get(i).title(),
                        counted.get(i).code(),
                        perOffer[i]))
                .toList();
        List<Figure.Bar> cantonBars = bars(cantons, perCanton, q.canton());
        List<Figure.Bar> categoryBars = bars(categories, perCategory, "");
        List<Figure.Bar> statusBars = Arrays.stream(RequestStatus.values())
                .filter(s -> s != RequestStatus.SUPPRIMEE)
                .map(s -> bar(s.getLabel(), perStatus[s.ordinal()]))
                .toList();

        // adhesions and collectivities (a canton filter applies; domains and offers do not concern them)
        Figure adhesions = null;
        if (viewer.admin()) {
            long[] perMonthAdhesions = new long[months.size()];
            places.values().stream()
                    .filter(p -> q.canton().isEmpty() || q.canton().equals(p.canton()))
                    .map(Place::adhesion)
                    .filter(d -> d != null && !d.isBefore(period.from()) && !d.isAfter(period.to()))
                    .forEach(d -> perMonthAdhesions[(int) firstMonth.until(YearMonth.from(d), ChronoUnit.MONTHS)]++);
            adhesions = new Figure(
                    "adhesions-par-mois",
                    "Adhésions par mois",
                    "Mois",
                    "Adhésions",
                    IntStream.range(0, months.size())
                            .mapToObj(i -> new Figure.Bar(
                                    capitalised(MONTH.format(months.get(i))),
                                    shortMonth(months.get(i)),
                                    perMonthAdhesions[i]))
                            .toList());
        }
        long adherent = places.values().stream()
                .filter(p -> p.adherent() && (q.canton().isEmpty() || q.canton().equals(p.canton())))
                .count();
        long active = places.values().stream()
                .filter(p -> filers[p.rank()] && p.adherent())
                .count();
        long reached = Arrays.stream(perCanton).filter(n -> n > 0).count();

        return new Report(
                q,
                filed[0],
                new Figure("par-mois", "Demandes déposées par mois", "Mois", "Demandes", monthBars),
                new Figure("par-domaine", "Demandes par domaine", "Domaine", "Demandes", domainBars),
                new Figure("par-typologie", "Demandes par typologie d'offre", "Typologie", "Demandes", typologyBars),
                new Figure("top-offres", "Les 20 offres les plus demandées", "Offre", "Demandes", offerBars),
                new Figure("par-canton", "Demandes par canton", "Canton", "Demandes", cantonBars),
                new Figure(
                        "par-categorie",
                        "Demandes par catégorie de collectivité",
                        "Catégorie",
                        "Demandes",
                        categoryBars),
                new Figure("par-statut", "Demandes par statut aujourd'hui", "Statut", "Demandes", statusBars),
                ResponseTimes.of(List.copyOf(domainTimes.values())),
                ResponseTimes.of(offerTimes),
                Satisfaction.of(List.copyOf(domainRatings.values())),
                Satisfaction.of(offerRatings),
                adhesions,
                active,
                adherent,
                reached);
    }

    /**
     * Every collectivity's canton, category, whether its adhesion is active now, and its adhesion date: the first
     * validation in the journal of decisions, or its registration for a collectivity adherent before the journal
     * existed; none for one never validated.
     */
    private Map<Long, Place> places(List<String> cantons, List<String> categories) {
        Map<String, Integer> cantonRanks = ranks(cantons);
        Map<String, Integer> categoryRanks = ranks(categories);
        Map<Long, Place> places = new HashMap<>();
        jdbc.sql("SELECT c.id, c.canton, c.category, c.status, "
                        + "(coalesce(a.validated, c.created_at) AT TIME ZONE 'Europe/Paris')::date, a.validated IS NOT NULL "
                        + "FROM collectivity c LEFT JOIN (SELECT subject_id, min(occurred_at) AS validated FROM audit_entry "
                        + "WHERE action = 'ADHESION_VALIDATED' AND subject_type = 'COLLECTIVITY' GROUP BY subject_id) a "
                        + "ON a.subject_id = c.id")
                .query(rs -> {
                    String status = rs.getString(4);
                    boolean validated = rs.getBoolean(6) || "ACTIVE".equals(status) || "SUSPENDED".equals(status);
                    String canton = rs.getString(2);
                    String category = rs.getString(3);
                    places.put(
                            rs.getLong(1),
                            new Place(
                                    places.size(),
                                    canton,
                                    cantonRanks.getOrDefault(canton, -1),
                                    category,
                                    categoryRanks.getOrDefault(category, -1),
                                    "ACTIVE".equals(status),
                                    validated ? rs.getObject(5, LocalDate.class) : null));
                });
        return places;
    }

    private static Map<String, Integer> ranks(List<String> values) {
        Map<String, Integer> ranks = new HashMap<>();
        values.forEach(v -> ranks.put(v, ranks.size()));
        return ranks;
    }

    /** A bar for each (value, label) in order with its count, or only for {@code only} when it is not empty. */
    private static List<Figure.Bar> bars(Map<String, String> labels, long[] counts, String only) {
        List<String> values = List.copyOf(labels.keySet());
        return IntStream.range(0, values.size())
                .filter(i -> only.isEmpty() || values.get(i).equals(only))
                .mapToObj(i -> bar(labels.get(values.get(i)), counts[i]))
                .toList();
    }

    private static Figure.Bar bar(String label, long value) {
        return new Figure.Bar(label, label, value);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.FRANCE) + text.substring(1);
    }

    /** « janv. », with the year under January and the first column. */
    private static String shortMonth(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, Locale.FRANCE);
    }

    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
