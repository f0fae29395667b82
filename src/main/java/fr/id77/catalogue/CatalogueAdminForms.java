package fr.id77.catalogue;

import fr.id77.shared.web.InputSanitizer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What admins type on the catalogue pages (never entities): an offer, a bulk assignment, an organisation.
 * Ids, flags and versions are typed: a value that is not a number (or not a kind) comes back next to its field
 * with the French reason of messages.properties ({@code typeMismatch.form.<field>}), the other fields as typed.
 * Bean Validation holds the rules of one field; {@link OfferFormValidator} and {@link OrganisationFormValidator}
 * those that cross fields or read the database.
 */
final class CatalogueAdminForms {

    static final String TITLE_REQUIRED = "Saisissez le titre de l'offre.";
    static final String SUMMARY_REQUIRED = "Saisissez le résumé affiché sur la carte de l'offre.";
    static final String DESCRIPTION_REQUIRED = "Saisissez la description de l'offre.";
    static final String KEYWORDS_TOO_LONG = "Les mots-clés ne doivent pas dépasser 1 000 caractères.";
    static final String NAME_REQUIRED = "Saisissez le nom de l'organisme.";
    static final String ANSWER_DAYS_REQUIRED = "Indiquez le délai de réponse, en jours ouvrés (10 par défaut).";
    static final String ANSWER_DAYS_RANGE = "Le délai de réponse doit être compris entre 1 et 250 jours ouvrés.";
    static final String COMPLETION_DAYS_RANGE =
            "Le délai de réalisation doit être compris entre 1 et 1 000 jours ouvrés, ou laissé vide.";

    private CatalogueAdminForms() {}

    /** Every field of an offer; {@code version} is the one the form was read at (0 for a new offer). */
    record OfferForm(
            @NotBlank(message = "Saisissez l'identifiant de l'offre, par exemple O70.")
            @Size(max = 12, message = OfferCodes.FORMAT)
            String code,

            @NotBlank(message = TITLE_REQUIRED)
            @Size(max = 300, message = "Le titre ne doit pas dépasser 300 caractères.")
            String title,

            @NotBlank(message = SUMMARY_REQUIRED)
            @Size(max = 600, message = "Le résumé ne doit pas dépasser 600 caractères.")
            String summary,

            @NotBlank(message = DESCRIPTION_REQUIRED)
            @Size(max = 20000, message = "La description ne doit pas dépasser 20 000 caractères.")
            String description,

            @NotNull(message = "Choisissez la typologie de l'offre.")
            Short typology,

            @NotEmpty(message = "Cochez au moins un domaine.")
            List<Short> domains,

            @NotEmpty(message = "Cochez au moins une thématique.")
            List<Short> thematics,

            @NotNull(message = "Choisissez l'organisme porteur.")
            Long organisation,

            Long chefDeFile,

            @Size(max = 5000, message = "Les infos pratiques ne doivent pas dépasser 5 000 caractères.")
            String practicalInfo,

            @Size(max = 1000, message = KEYWORDS_TOO_LONG) String keywords,

            @NotNull(message = "Indiquez si la prestation est gratuite ou payante.")
            Boolean billed,

            boolean published,

            @NotNull(message = ANSWER_DAYS_REQUIRED)
            @Min(value = 1, message = ANSWER_DAYS_RANGE)
            @Max(value = 250, message = ANSWER_DAYS_RANGE)
            Integer answerDays,

            @Min(value = 1, message = COMPLETION_DAYS_RANGE) @Max(value = 1000, message = COMPLETION_DAYS_RANGE)
            Integer completionDays,

            long version) {

        OfferForm {
            code = text(code);
            title = text(title);
            summary = text(summary);
            description = text(description);
            domains = distinct(domains);
            thematics = distinct(thematics);
            practicalInfo = text(practicalInfo);
            keywords = text(keywords);
        }

        static OfferForm blank() {
            return new OfferForm(
                    "", "", "", "", null, List.of(), List.of(), null, null, "", "", false, false, 10, null, 0);
        }

        /** The offer as its edit form shows it: domains and thematics in the order of the page. */
        static OfferForm of(Offer o) {
            return new OfferForm(
                    o.getCode(),
                    o.getTitle(),
                    o.getSummary(),
                    o.getDescription(),
                    o.getTypology().getId(),
                    o.getDomains().stream()
                            .sorted(Comparator.comparing(Domain::getPosition))
                            .map(Domain::getId)
                            .toList(),
                    o.getThematics().stream()
                            .sorted(Comparator.comparing(Thematic::getDomainId).thenComparing(Thematic::getPosition))
                            .map(Thematic::getId)
                            .toList(),
                    o.getOrganisation().getId(),
                    o.getChefDeFileId(),
                    o.getPracticalInfo(),
                    String.join(", ", o.getKeywordList()),
                    o.isBilled(),
                    o.isPublished(),
                    o.getAnswerDays(),
                    o.getCompletionDays(),
                    o.getVersion());
        }

        /** Whether this domain (or thematic) is ticked: for the check boxes of the page. */
        public boolean ticks(List<Short> ids, short id) {
            return ids.contains(id);
        }

        String cleanTitle() {
            return InputSanitizer.clean(title, 300);
        }

        String cleanSummary() {
            return InputSanitizer.clean(summary, 600);
        }

        String cleanDescription() {
            return InputSanitizer.cleanLines(description, 20_000);
        }

        String cleanPracticalInfo() {
            return InputSanitizer.cleanLines(practicalInfo, 5000);
        }

        /** Keywords separated by commas, semicolons or lines; each once, whatever its case. */
        List<String> keywordList() {
            Map<String, String> distinct = new LinkedHashMap<>();
            for (String part : keywords.split("[,;\\r\\n]+")) {
                String k = InputSanitizer.clean(part, 100);
                if (!k.isEmpty()) {
                    distinct.putIfAbsent(k.toLowerCase(Locale.FRENCH), k);
                }
            }
            return List.copyOf(distinct.values());
        }
    }

    /** « Attribuer un chef de file » to the offers ticked in the list. */
    record AssignmentForm(
            @NotEmpty(message = "Cochez au moins une offre dans la liste.")
            @Size(
                    max = CatalogueAdmin.MAX_BULK,
                    message = "Cochez au plus " + CatalogueAdmin.MAX_BULK + " offres à la fois.")
            List<Long> offres,

            @NotNull(message = CatalogueAdmin.CHOOSE_ACTIVE_CHEF)
            Long chefDeFile) {

        AssignmentForm {
            offres = distinct(offres);
        }
    }

    /** An organisation leading offers: its name, whether it is a département service or a partner, the version read. */
    record OrganisationForm(
            @NotBlank(message = NAME_REQUIRED) @Size(max = 200, message = "Le nom ne doit pas dépasser 200 caractères.")
            String name,

            @NotNull(message = OrganisationFormValidator.KIND_REQUIRED)
            Organisation.Kind kind,

            long version) {

        OrganisationForm {
            name = text(name);
        }

        static OrganisationForm blank() {
            return new OrganisationForm("", Organisation.Kind.PARTENAIRE, 0);
        }

        String cleanName() {
            return InputSanitizer.clean(name, 200);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(Objects::nonNull).distinct().toList();
    }
}
