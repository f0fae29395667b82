package fr.id77.catalogue;

import static fr.id77.catalogue.CatalogueAdminForms.DESCRIPTION_REQUIRED;
import static fr.id77.catalogue.CatalogueAdminForms.KEYWORDS_TOO_LONG;
import static fr.id77.catalogue.CatalogueAdminForms.SUMMARY_REQUIRED;
import static fr.id77.catalogue.CatalogueAdminForms.TITLE_REQUIRED;

import fr.id77.catalogue.CatalogueAdminForms.OfferForm;
import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.ThematicRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import java.util.Optional;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * The rules of the offer form that Bean Validation cannot hold: those that cross fields (a thematic of a domain that
 * is not ticked) or read the catalogue (a free identifier, ids that the lists offered, a chef de file still active).
 * One reason per field: a field that Bean Validation or the binding already refused is left alone.
 */
final class OfferFormValidator implements Validator {

    /** What the rules read from the catalogue and the staff: a database in the application, a few values in tests. */
    interface Catalogue {

        /** Null when there is none, as for {@link #domain} and {@link #thematic}. */
        TypologyRef typology(short id);

        DomainRef domain(short id);

        ThematicRef thematic(short id);

        boolean organisationExists(long id);

        /** Whether the account is an active staff member, who may lead offers. */
        boolean mayLead(long accountId);

        /** The chef de file of an offer, or null. */
        Long chefOf(long offerId);

        /** The offer other than {@code exceptOffer} (null for none) holding this code, written as {@link OfferCodes#normalized}. */
        Optional<OfferCodes.Holder> holder(String code, Long exceptOffer);
    }

    private final Catalogue catalogue;
    private final Long offerId;

    /** {@code offerId} is the offer the form edits, or null for a new offer. */
    OfferFormValidator(Catalogue catalogue, Long offerId) {
        this.catalogue = catalogue;
        this.offerId = offerId;
    }

    @Override
    public boolean supports(Class<?> type) {
        return OfferForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        OfferForm form = (OfferForm) target;
        code(form, errors);
        visible(errors, "title", form.cleanTitle(), TITLE_REQUIRED);
        visible(errors, "summary", form.cleanSummary(), SUMMARY_REQUIRED);
        visible(errors, "description", form.cleanDescription(), DESCRIPTION_REQUIRED);
        if (notYetRefused(errors, "typology")
                && form.typology() != null
                && catalogue.typology(form.typology()) == null) {
            errors.rejectValue("typology", "invalid", "Choisissez la typologie dans la liste.");
        }
        boolean unknownDomain = refused(errors, "domains", "typeMismatch")
                || form.domains().stream().anyMatch(id -> catalogue.domain(id) == null);
        if (notYetRefused(errors, "domains") && unknownDomain) {
            errors.rejectValue(
                    "domains", "invalid", "Un des domaines envoyés n'existe pas : cochez les domaines dans la liste.");
        }
        thematics(form, unknownDomain, errors);
        if (notYetRefused(errors, "organisation")
                && form.organisation() != null
                && !catalogue.organisationExists(form.organisation())) {
            errors.rejectValue("organisation", "invalid", "Choisissez l'organisme porteur dans la liste.");
        }
        Long chef = form.chefDeFile();
        if (notYetRefused(errors, "chefDeFile")
                && chef != null
                && !catalogue.mayLead(chef)
                && (offerId == null || !chef.equals(catalogue.chefOf(offerId)))) {
            // the offer's current chef de file stays acceptable even when no longer active: editing something else
            // keeps them
            errors.rejectValue("chefDeFile", "invalid", CatalogueAdmin.CHOOSE_ACTIVE_CHEF);
        }
        if (notYetRefused(errors, "keywords")
                && String.join(", ", form.keywordList()).length() > 1000) {
            errors.rejectValue("keywords", "invalid", KEYWORDS_TOO_LONG);
        }
    }

    private void code(OfferForm form, Errors errors) {
        if (!notYetRefused(errors, "code")) {
            return;
        }
        Optional<String> code = OfferCodes.normalized(form.code());
        if (code.isEmpty()) {
            errors.rejectValue("code", "invalid", OfferCodes.FORMAT);
            return;
        }
        catalogue
                .holder(code.get(), offerId)
                .ifPresent(h -> errors.rejectValue(
                        "code",
                        "taken",
                        "L'identifiant " + code.get() + " est déjà celui de l'offre " + h.code() + " « " + h.title()
                                + " » : choisissez-en un autre."));
    }

    /** Each thematic exists and belongs to a ticked domain (judged only when every domain sent exists). */
    private void thematics(OfferForm form, boolean unknownDomain, Errors errors) {
        if (!notYetRefused(errors, "thematics")) {
            return;
        }
        for (short id : form.thematics()) {
            ThematicRef t = catalogue.thematic(id);
            if (t == null) {
                errors.rejectValue(
                        "thematics",
                        "invalid",
                        "Une des thématiques envoyées n'existe pas : cochez les thématiques dans la liste.");
                return;
            }
            if (!unknownDomain && !form.domains().contains(t.domainId())) {
                errors.rejectValue(
                        "thematics",
                        "invalid",
                        "La thématique « " + t.label() + " » relève du domaine « "
                                + catalogue.domain(t.domainId()).label()
                                + " », qui n'est pas coché : cochez ce domaine ou retirez la thématique.");
                return;
            }
        }
    }

    /** Text that is empty once invisible characters are removed (a zero-width space passes @NotBlank). */
    private static void visible(Errors errors, String field, String cleaned, String message) {
        if (notYetRefused(errors, field) && cleaned.isEmpty()) {
            errors.rejectValue(field, "required", message);
        }
    }

    /** Whether the field has no reason yet. */
    private static boolean notYetRefused(Errors errors, String field) {
        return !errors.hasFieldErrors(field);
    }

    private static boolean refused(Errors errors, String field, String code) {
        FieldError error = errors.getFieldError(field);
        return error != null && code.equals(error.getCode());
    }
}
