package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.catalogue.CatalogueAdminForms.OfferForm;
import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.ThematicRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The rules of the offer form that cross fields or read the catalogue, on a small catalogue in memory (no Spring). */
class OfferFormValidatorTests {

    /** Two domains with one thematic each, one typology, one organisation, one active and one departed agent. */
    static final class SmallCatalogue implements OfferFormValidator.Catalogue {
        static final ThematicRef URBANISME = new ThematicRef((short) 2, (short) 1, "urbanisme", "Urbanisme");
        static final ThematicRef VOIRIE = new ThematicRef((short) 9, (short) 3, "voirie", "Voirie");
        static final Map<Short, DomainRef> DOMAINS = Map.of(
                (short) 1,
                        new DomainRef(
                                (short) 1,
                                "amenagement-urbanisme",
                                "Aménagement / Urbanisme",
                                "buildings",
                                List.of(URBANISME)),
                (short) 3, new DomainRef((short) 3, "mobilites-voirie", "Mobilités / Voirie", "sign", List.of(VOIRIE)));
        static final long ACTIVE = 10;
        static final long DEPARTED = 11;
        static final long LED_BY_DEPARTED = 42;
        int holderQueries;

        @Override
        public TypologyRef typology(short id) {
            return id == 1 ? new TypologyRef((short) 1, "ingenierie-de-projet", "Ingénierie de projet") : null;
        }

        @Override
        public DomainRef domain(short id) {
            return DOMAINS.get(id);
        }

        @Override
        public ThematicRef thematic(short id) {
            return id == 2 ? URBANISME : id == 9 ? VOIRIE : null;
        }

        @Override
        public boolean organisationExists(long id) {
            return id == 5;
        }

        @Override
        public boolean mayLead(long accountId) {
            return accountId == ACTIVE;
        }

        @Override
        public Long chefOf(long offerId) {
            return offerId == LED_BY_DEPARTED ? DEPARTED : null;
        }

        @Override
        public Optional<OfferCodes.Holder> holder(String code, Long exceptOffer) {
            holderQueries++;
            return code.equals("O37") && !Long.valueOf(37).equals(exceptOffer)
                    ? Optional.of(new OfferCodes.Holder("O37", "Conseil en voirie"))
                    : Optional.empty();
        }
    }

    final SmallCatalogue catalogue = new SmallCatalogue();

    private static OfferForm form(
            String code,
            String title,
            Short typology,
            List<Short> domains,
            List<Short> thematics,
            Long organisation,
            Long chef,
            String keywords) {
        return new OfferForm(
                code,
                title,
                "Un résumé.",
                "Une description.",
                typology,
                domains,
                thematics,
                organisation,
                chef,
                "",
                keywords,
                false,
                true,
                10,
                null,
                0);
    }

    private static OfferForm valid() {
        return form(
                "Z7",
                "Un titre",
                (short) 1,
                List.of((short) 3),
                List.of((short) 9),
                5L,
                SmallCatalogue.ACTIVE,
                "voirie");
    }

    private BindingResult validate(OfferForm form, Long offerId) {
        BindingResult errors = new BeanPropertyBindingResult(form, "offerForm");
        new OfferFormValidator(catalogue, offerId).validate(form, errors);
        return errors;
    }

    private static Map<String, String> messages(BindingResult errors) {
        return errors.getFieldErrors().stream()
                .collect(Collectors.toMap(FieldError::getField, FieldError::getDefaultMessage));
    }

    @Test
    void aFormWhoseIdsTheListsOfferedPasses() {
        assertThat(validate(valid(), null).hasErrors()).isFalse();
        assertThat(new OfferFormValidator(catalogue, null).supports(OfferForm.class))
                .isTrue();
        assertThat(new OfferFormValidator(catalogue, null).supports(CatalogueAdminForms.OrganisationForm.class))
                .isFalse();
    }

    @Test
    void theCodeIsALetterAndANumberThatNoOtherOfferHolds() {
        assertThat(messages(validate(
                        form("o 037", "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, null, ""), null)))
                .containsExactly(
                        Map.entry(
                                "code",
                                "L'identifiant O37 est déjà celui de l'offre O37 « Conseil en voirie » : choisissez-en un autre."));
        assertThat(validate(form("O37", "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, null, ""), 37L)
                        .hasErrors())
                .as("an offer keeps its own code")
                .isFalse();
        for (String code : List.of("37O", "Z12345", "Z0", "ZZ1", "Z-")) {
            assertThat(messages(validate(
                            form(code, "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, null, ""), null)))
                    .as(code)
                    .containsExactly(Map.entry("code", OfferCodes.FORMAT));
        }
        assertThat(catalogue.holderQueries)
                .as("only a well-formed code is looked up")
                .isEqualTo(2);
    }

    @Test
    void textMadeOfInvisibleCharactersIsMissing() {
        OfferForm form = new OfferForm(
                "Z7",
                "\u200B",
                "\u200B\u200C",
                " \u2060",
                (short) 1,
                List.of((short) 3),
                List.of((short) 9),
                5L,
                null,
                "",
                "",
                false,
                false,
                10,
                null,
                0);
        assertThat(messages(validate(form, null)))
                .containsOnly(
                        Map.entry("title", CatalogueAdminForms.TITLE_REQUIRED),
                        Map.entry("summary", CatalogueAdminForms.SUMMARY_REQUIRED),
                        Map.entry("description", CatalogueAdminForms.DESCRIPTION_REQUIRED));
    }

    @Test
    void idsThatNoListOfferedAreRefusedNextToTheirField() {
        assertThat(messages(validate(
                        form("Z7", "t", (short) 4, List.of((short) 3, (short) 8), List.of((short) 9), 6L, 12L, ""),
                        null)))
                .containsOnly(
                        Map.entry("typology", "Choisissez la typologie dans la liste."),
                        Map.entry(
                                "domains", "Un des domaines envoyés n'existe pas : cochez les domaines dans la liste."),
                        Map.entry("organisation", "Choisissez l'organisme porteur dans la liste."),
                        Map.entry("chefDeFile", CatalogueAdmin.CHOOSE_ACTIVE_CHEF));
        assertThat(messages(validate(
                        form("Z7", "t", (short) 1, List.of((short) 3), List.of((short) 9, (short) 77), 5L, null, ""),
                        null)))
                .containsExactly(Map.entry(
                        "thematics",
                        "Une des thématiques envoyées n'existe pas : cochez les thématiques dans la liste."));
    }

    @Test
    void aThematicBelongsToATickedDomain() {
        assertThat(messages(validate(
                        form("Z7", "t", (short) 1, List.of((short) 3), List.of((short) 9, (short) 2), 5L, null, ""),
                        null)))
                .containsExactly(Map.entry(
                        "thematics",
                        "La thématique « Urbanisme » relève du domaine « Aménagement / Urbanisme », "
                                + "qui n'est pas coché : cochez ce domaine ou retirez la thématique."));
        assertThat(validate(
                                form(
                                        "Z7",
                                        "t",
                                        (short) 1,
                                        List.of((short) 1, (short) 3),
                                        List.of((short) 9, (short) 2),
                                        5L,
                                        null,
                                        ""),
                                null)
                        .hasErrors())
                .isFalse();
        // with no domain ticked (Bean Validation says so), each thematic is still said to lack its domain
        assertThat(messages(validate(form("Z7", "t", (short) 1, List.of(), List.of((short) 9), 5L, null, ""), null)))
                .containsExactly(Map.entry(
                        "thematics",
                        "La thématique « Voirie » relève du domaine « Mobilités / Voirie », "
                                + "qui n'est pas coché : cochez ce domaine ou retirez la thématique."));
        // an unknown domain is said once, and the thematics are not judged against domains that cannot be read
        assertThat(messages(validate(
                        form("Z7", "t", (short) 1, List.of((short) 8), List.of((short) 9), 5L, null, ""), null)))
                .containsOnlyKeys("domains");
    }

    @Test
    void theDepartedChefDeFileOfAnOfferStaysAcceptableForThatOfferOnly() {
        OfferForm keeping =
                form("Z7", "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, SmallCatalogue.DEPARTED, "");
        assertThat(validate(keeping, SmallCatalogue.LED_BY_DEPARTED).hasErrors())
                .isFalse();
        assertThat(messages(validate(keeping, null)))
                .containsExactly(Map.entry("chefDeFile", CatalogueAdmin.CHOOSE_ACTIVE_CHEF));
        assertThat(messages(validate(keeping, 43L)))
                .containsExactly(Map.entry("chefDeFile", CatalogueAdmin.CHOOSE_ACTIVE_CHEF));
        assertThat(validate(form("Z7", "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, null, ""), null)
                        .hasErrors())
                .as("no chef de file at all is allowed")
                .isFalse();
    }

    @Test
    void keywordsAreBoundedOnceCleanedAndJoined() {
        assertThat(validate(
                                form(
                                        "Z7",
                                        "t",
                                        (short) 1,
                                        List.of((short) 3),
                                        List.of((short) 9),
                                        5L,
                                        null,
                                        "x".repeat(99)),
                                null)
                        .hasErrors())
                .isFalse();
        // 300 distinct words of two letters typed with « , » (899 characters) are 1 198 once written with « , »
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            typed.append(i == 0 ? "" : ",").append((char) ('a' + i / 26 % 26)).append((char) ('a' + i % 26));
        }
        assertThat(messages(validate(
                        form("Z7", "t", (short) 1, List.of((short) 3), List.of((short) 9), 5L, null, typed.toString()),
                        null)))
                .containsExactly(Map.entry("keywords", CatalogueAdminForms.KEYWORDS_TOO_LONG));
    }

    @Test
    void aFieldAlreadyRefusedKeepsItsOneReason() {
        OfferForm form = form("O37", "t", null, List.of(), List.of((short) 9), 5L, null, "");
        BindingResult errors = new BeanPropertyBindingResult(form, "offerForm");
        errors.rejectValue("code", "Size", "trop long");
        errors.rejectValue("typology", "typeMismatch", "Choisissez la typologie dans la liste.");
        errors.rejectValue("domains", "typeMismatch", "Un des domaines envoyés n'existe pas.");
        new OfferFormValidator(catalogue, null).validate(form, errors);
        assertThat(errors.getFieldErrors())
                .extracting(FieldError::getField)
                .containsExactlyInAnyOrder("code", "typology", "domains");
        assertThat(errors.getFieldError("code").getDefaultMessage()).isEqualTo("trop long");
        assertThat(catalogue.holderQueries).isZero();
        assertThat(Set.copyOf(messages(errors).values())).hasSize(3);
    }
}
