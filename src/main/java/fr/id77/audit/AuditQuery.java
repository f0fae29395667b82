package fr.id77.audit;

import fr.id77.shared.web.InputSanitizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the journal, all in the address: {@code action} (an {@link AuditAction} name), {@code objet}
 * (the collectivity, account or offer's name contains), {@code du} and {@code au} (dates, inclusive, Paris
 * time) and {@code page}. Unknown values are dropped; a date that cannot be read is explained next to its field.
 */
record AuditQuery(
        AuditAction action, String subject, LocalDate from, LocalDate to, int page, Map<String, String> problems) {

    static final int MAX_PAGE = 10_000;

    static AuditQuery from(String action, String objet, String du, String au, String page) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate from = date(du, "du", problems);
        LocalDate to = date(au, "au", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put(
                    "au",
                    "La date de fin doit être le " + from.getDayOfMonth() + "/"
                            + String.format("%02d", from.getMonthValue()) + "/" + from.getYear()
                            + " ou après : ce filtre n'est pas appliqué.");
            to = null;
        }
        int p = 1;
        if (page != null && page.strip().matches("[0-9]{1,9}")) {
            p = (int) Math.clamp(Long.parseLong(page.strip()), 1, MAX_PAGE);
        }
        return new AuditQuery(action(action), InputSanitizer.clean(objet, 100), from, to, p, Map.copyOf(problems));
    }

    private static AuditAction action(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (AuditAction a : AuditAction.values()) {
            if (a.name().equals(raw.strip())) {
                return a;
            }
        }
        return null;
    }

    private static LocalDate date(String raw, String field, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(raw.strip());
            if (d.getYear() >= 2000 && d.getYear() <= 2999) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // explained below
        }
        problems.put(
                field,
                "Saisissez une date au format jj/mm/aaaa (ou choisissez-la dans le calendrier) : ce filtre n'est pas appliqué.");
        return null;
    }

    public boolean hasFilters() {
        return action != null || !subject.isEmpty() || from != null || to != null;
    }

    public String pageUrl(int p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/journal");
        if (action != null) b.queryParam("action", action.name());
        if (!subject.isEmpty()) b.queryParam("objet", subject);
        if (from != null) b.queryParam("du", from);
        if (to != null) b.queryParam("au", to);
        if (p > 1) b.queryParam("page", p);
        return b.encode().build().toUriString();
    }

    // Accessors that read better in templates
    public String getAction() {
        return action == null ? "" : action.name();
    }

    public String getSubject() {
        return subject;
    }

    public String getFrom() {
        return from == null ? "" : from.toString();
    }

    public String getTo() {
        return to == null ? "" : to.toString();
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
