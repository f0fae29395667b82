package fr.id77.statistics;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything {@code /statistiques} shows for one query and one viewer. {@code adhesions} is null for a chef de file:
 * he sees the figures of his offers' requests only.
 */
record Report(
        StatisticsQuery query,
        long filed,
        Figure perMonth,
        Figure byDomain,
        Figure byTypology,
        Figure topOffers,
        Figure byCanton,
        Figure byCategory,
        Figure byStatus,
        List<ResponseTimes> timesByDomain,
        List<ResponseTimes> timesByOffer,
        List<Satisfaction> satisfactionByDomain,
        List<Satisfaction> satisfactionByOffer,
        Figure adhesions,
        long activeCollectivities,
        long adherentCollectivities,
        long cantonsReached) {

    /** The département's cantons, all of them shown, reached or not. */
    static final int CANTONS = 23;

    public String filedText() {
        return Numbers.integer(filed);
    }

    public String activeShare() {
        return Numbers.percent(activeCollectivities, adherentCollectivities);
    }

    public String cantonsShare() {
        return Numbers.percent(cantonsReached, CANTONS);
    }

    /** The figures drawn as charts, in the page's order. */
    List<Figure> figures() {
        return Stream.of(perMonth, byDomain, byTypology, topOffers, byCanton, byCategory, byStatus, adhesions)
                .filter(f -> f != null)
                .toList();
    }
}
