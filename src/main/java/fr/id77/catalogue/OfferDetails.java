package fr.id77.catalogue;

import java.time.LocalDate;
import java.util.List;

/** Everything the offer page shows. */
public record OfferDetails(
        long id,
        String code,
        String title,
        String summary,
        String description,
        String typology,
        List<String> domains,
        List<String> thematics,
        String organisation,
        boolean partner,
        String practicalInfo,
        List<String> keywords,
        boolean billed,
        boolean published,
        LocalDate publishedOn) {

    static OfferDetails of(Offer o) {
        return new OfferDetails(
                o.getId(),
                o.getCode(),
                o.getTitle(),
                o.getSummary(),
                o.getDescription(),
                o.getTypology().getLabel(),
                o.getDomains().stream()
                        .sorted((a, b) -> Short.compare(a.getPosition(), b.getPosition()))
                        .map(Domain::getLabel)
                        .toList(),
                o.getThematics().stream().map(Thematic::getLabel).sorted().toList(),
                o.getOrganisation().getName(),
                o.getOrganisation().isPartner(),
                o.getPracticalInfo(),
                o.getKeywordList(),
                o.isBilled(),
                o.isPublished(),
                o.getPublishedOn());
    }

    /** Description paragraphs (blank-line separated). */
    public List<String> paragraphs() {
        return List.of(description.split("\\n\\s*\\n"));
    }
}
