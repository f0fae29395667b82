package fr.id77.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * What admins type on the catalogue pages (never entities): an offer, a bulk assignment, an organisation.
 * Ids and flags stay text here, as the browser sent them, so that a value no list offered comes back next
 * to its field with a French reason (rather than failing the whole binding); {@link CatalogueAdmin} and
 * {@link Organisations} read them.
 */
final class CatalogueAdminForms {

    private CatalogueAdminForms() {
    }

    /** Every field of an offer. */
    record OfferForm(
            @NotBlank(message = "Saisissez l'identifiant de l'offre, par exemple O70.") @Size(max = 12, message = "L'identifiant est une lettre suivie de 1 à 4 chiffres, par exemple O01, F176 ou R02.") String code,
            @NotBlank(message = "Saisissez le titre de l'offre.") @Size(max = 300, message = "Le titre ne doit pas dépasser 300 caractères.") String title,
            @NotBlank(message = "Saisissez le résumé affiché sur la carte de l'offre.") @Size(max = 600, message = "Le résumé ne doit pas dépasser 600 caractères.") String summary,
            @NotBlank(message = "Saisissez la description de l'offre.") @Size(max = 20000, message = "La description ne doit pas dépasser 20 000 caractères.") String description,
            String typology,
            List<String> domains,
            List<String> thematics,
            String organisation,
            String chefDeFile,
            @Size(max = 5000, message = "Les infos pratiques ne doivent pas dépasser 5 000 caractères.") String practicalInfo,
            @Size(max = 1000, message = "Les mots-clés ne doivent pas dépasser 1 000 caractères.") String keywords,
            String billed,
            String published,
            String version) {

        OfferForm {
            code = text(code);
            title = text(title);
            summary = text(summary);
            description = text(description);
            typology = text(typology);
            domains = distinct(domains);
            thematics = distinct(thematics);
            organisation = text(organisation);
            chefDeFile = text(chefDeFile);
            practicalInfo = text(practicalInfo);
            keywords = text(keywords);
            billed = text(billed);
            published = text(published);
            version = text(version);
        }

        static OfferForm blank() {
            return new OfferForm("", "", "", "", "", List.of(), List.of(), "", "", "", "", "false", "false", "");
        }

        boolean isPublished() {
            return "true".equals(published);
        }

        /** Whether this domain (or thematic) is ticked: for the check boxes of the page. */
        public boolean ticks(List<String> ids, short id) {
            return ids.contains(String.valueOf(id));
        }
    }

    /** « Attribuer un chef de file » to the offers ticked in the list. */
    record AssignmentForm(List<String> offres, String chefDeFile) {

        AssignmentForm {
            offres = distinct(offres);
        }
    }

    /** An organisation leading offers: its name and whether it is a département service or a partner. */
    record OrganisationForm(
            @NotBlank(message = "Saisissez le nom de l'organisme.") @Size(max = 200, message = "Le nom ne doit pas dépasser 200 caractères.") String name,
            String kind,
            String version) {

        static OrganisationForm blank() {
            return new OrganisationForm("", Organisation.Kind.PARTENAIRE.name(), "");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** A number sent by a form; null when blank or not a number (callers tell the two apart with {@link #blank}). */
    static Long number(String raw) {
        if (raw == null || !raw.strip().matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(raw.strip());
    }

    static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
