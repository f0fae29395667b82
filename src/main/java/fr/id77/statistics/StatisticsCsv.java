package fr.id77.statistics;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each figure of a {@link Report} as the rows of a CSV file, its header first, and the file's name. */
final class StatisticsCsv {

    record Table(String fileName, List<List<Object>> rows) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private StatisticsCsv() {}

    static Optional<Table> table(Report report, String slug) {
        String name = "statistiques-" + slug + "-"
                + DAY.format(report.query().period().from()) + "-"
                + DAY.format(report.query().period().to()) + ".csv";
        for (Figure figure : report.figures()) {
            if (figure.slug().equals(slug)) {
                List<List<Object>> rows = new ArrayList<>();
                rows.add(List.of(figure.labelHeader(), figure.valueHeader()));
                figure.bars().forEach(b -> rows.add(List.of(b.label(), b.value())));
                return Optional.of(new Table(name, rows));
            }
        }
        List<Satisfaction> satisfaction = switch (slug) {
            case "satisfaction-par-domaine" -> report.satisfactionByDomain();
            case "satisfaction-par-offre" -> report.satisfactionByOffer();
            default -> null;
        };
        if (satisfaction != null) {
            List<List<Object>> rows = new ArrayList<>();
            List<Object> header = new ArrayList<>(
                    List.of(slug.endsWith("domaine") ? "Domaine" : "Offre", "Avis", "Note moyenne (sur 5)"));
            for (int note = 1; note <= Satisfaction.NOTES; note++) {
                header.add("Note " + note);
            }
            rows.add(header);
            for (Satisfaction s : satisfaction) {
                List<Object> row = new ArrayList<>(List.of(s.label(), s.ratings()));
                row.add(s.average());
                for (int note = 1; note <= Satisfaction.NOTES; note++) {
                    row.add(s.count(note));
                }
                rows.add(row);
            }
            return Optional.of(new Table(name, rows));
        }
        List<ResponseTimes> times = switch (slug) {
            case "delais-par-domaine" -> report.timesByDomain();
            case "delais-par-offre" -> report.timesByOffer();
            default -> null;
        };
        if (times == null) {
            return Optional.empty();
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                slug.endsWith("domaine") ? "Domaine" : "Offre",
                "Décision : demandes",
                "Décision : médiane (jours ouvrés)",
                "Décision : 90e centile (jours ouvrés)",
                "Achèvement : demandes",
                "Achèvement : médiane (jours ouvrés)",
                "Achèvement : 90e centile (jours ouvrés)"));
        for (ResponseTimes t : times) {
            List<Object> row = new ArrayList<>();
            row.add(t.label());
            row.add(t.decision().requests());
            row.add(t.decision().median());
            row.add(t.decision().p90());
            row.add(t.completion().requests());
            row.add(t.completion().median());
            row.add(t.completion().p90());
            rows.add(row);
        }
        return Optional.of(new Table(name, rows));
    }
}
