package fr.id77.catalogue;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.QueryCounting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Catalogue administration through the whole web stack (real security, templates and database). Offers
 * made here use the letter Z, which the catalogue does not use, and are removed after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class CatalogueAdminWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Offers offers;

    CurrentUser admin;
    CurrentUser otherAdmin;
    CurrentUser chef;
    CurrentUser member;
    Fixtures.Collectivity commune;
    long routes;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        admin = f.admin("Claire");
        otherAdmin = f.admin("Olivier");
        chef = f.chefDeFile("Paul");
        commune = f.collectivity("Commune de Catalogueville", "Melun");
        member = f.adherent(commune, "Anne");
        routes = jdbc.sql("SELECT id FROM organisation WHERE slug = 'routes'")
                .query(Long.class)
                .single();
    }

    @AfterEach
    void removeTestOffers() {
        jdbc.sql("DELETE FROM offer WHERE code_letter = 'Z'").update();
        jdbc.sql("DELETE FROM organisation WHERE name LIKE 'Test %'").update();
    }

    /**
     * A complete, valid offer form (domain Mobilités / Voirie (3) with its thematic Voirie (9)), sent by
     * {@code user} (a new offer: version 0); {@code changes} are (name, value) pairs replacing fields, a null value removing one.
     */
    private MockHttpServletRequestBuilder offerForm(
            CurrentUser user, String url, String code, String title, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("title", title);
        fields.put("summary", "Un résumé d'une phrase.");
        fields.put("description", "Premier paragraphe.\n\nSecond paragraphe.");
        fields.put("typology", "1");
        fields.put("domains", "3");
        fields.put("thematics", "9");
        fields.put("organisation", String.valueOf(routes));
        fields.put("practicalInfo", "Mission de 3 mois.");
        fields.put("keywords", "chaussée, trottoirs");
        fields.put("billed", "false");
        fields.put("published", "true");
        fields.put("answerDays", "10");
        fields.put("version", "0"); // as the form sends it: the version it was read at, 0 for a new offer
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(csrf()).with(as(user));
        fields.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    private MockHttpServletRequestBuilder offerForm(String url, String code, String title, String... changes) {
        return offerForm(admin, url, code, title, changes);
    }

    private long create(String code, String title) throws Exception {
        mvc.perform(offerForm("/admin/offres/nouvelle", code, title)).andExpect(status().is3xxRedirection());
        return offerId(code);
    }

    private long offerId(String code) {
        return jdbc.sql("SELECT id FROM offer WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long offerCount() {
        return jdbc.sql("SELECT count(*) FROM offer").query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT title, version, chef_de_file_id, published FROM offer WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    static Stream<Arguments> adminRoutes() {
        return Stream.of(
                Arguments.of("GET", "/admin/offres"), Arguments.of("GET", "/admin/offres/nouvelle"),
                Arguments.of("GET", "/admin/offres/1"), Arguments.of("GET", "/admin/organismes"),
                Arguments.of("GET", "/admin/organismes/1"), Arguments.of("POST", "/admin/offres/nouvelle"),
                Arguments.of("POST", "/admin/offres/1"), Arguments.of("POST", "/admin/offres/chef-de-file"),
                Arguments.of("POST", "/admin/offres/1/publication"), Arguments.of("POST", "/admin/organismes"),
                Arguments.of("POST", "/admin/organismes/1"), Arguments.of("POST", "/admin/organismes/1/suppression"));
    }

    @ParameterizedTest
    @MethodSource("adminRoutes")
    void visitorsAdherentsAndChefsDeFileAreRefusedEverywhere(String method, String url) throws Exception {
        long o01 = offerId("O01");
        String path = url.replace("/1", "/" + o01);
        Map<String, Object> before = row(o01);
        MockHttpServletRequestBuilder visitor =
                method.equals("GET") ? get(path) : post(path).with(csrf());
        mvc.perform(visitor.param("publiee", "false").param("offres", "" + o01).param("chefDeFile", "" + chef.id()))
                .andExpect(redirectedUrl("/connexion"));
        for (CurrentUser someone : List.of(member, chef)) {
            MockHttpServletRequestBuilder request =
                    method.equals("GET") ? get(path) : post(path).with(csrf());
            mvc.perform(request.with(as(someone))
                            .param("publiee", "false")
                            .param("offres", "" + o01)
                            .param("chefDeFile", "" + chef.id())
                            .param("title", "Piratée"))
                    .andExpect(status().isForbidden());
        }
        assertThat(row(o01)).isEqualTo(before);
    }

    @Test
    void withoutCsrfTokenEvenAnAdminChangesNothing() throws Exception {
        long o01 = offerId("O01");
        mvc.perform(post("/admin/offres/" + o01 + "/publication")
                        .param("publiee", "false")
                        .with(as(admin)))
                .andExpect(status().isForbidden());
        assertThat(row(o01).get("published")).isEqualTo(true);
    }

    @Test
    void anAdminCreatesAnOfferThatTheCatalogueFindsAtOnce() throws Exception {
        mvc.perform(get("/admin/offres/nouvelle").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nouvelle offre")))
                .andExpect(content().string(containsString("Prochains libres : O70")));
        mvc.perform(offerForm("/admin/offres/nouvelle", " z 7 ", "Bornage des chemins ruraux zygomatiques"))
                .andExpect(redirectedUrl("/admin/offres?tri=modification"))
                .andExpect(flash().attribute(
                                "success",
                                containsString(
                                        "L'offre Z07 est créée et publiée. Pensez à lui donner un chef de file.")));
        Map<String, Object> saved = jdbc.sql(
                        "SELECT o.summary, o.description, o.keywords, o.published_on, o.updated_by, "
                                + "(SELECT array_agg(thematic_id) FROM offer_thematic WHERE offer_id = o.id)::text AS thematics "
                                + "FROM offer o WHERE code = 'Z07'")
                .query()
                .singleRow();
        assertThat(saved.get("description")).isEqualTo("Premier paragraphe.\n\nSecond paragraphe.");
        assertThat(saved.get("keywords")).isEqualTo("chaussée, trottoirs");
        assertThat(saved.get("published_on")).isNotNull();
        assertThat(saved.get("updated_by")).isEqualTo(admin.id());
        assertThat(saved.get("thematics")).isEqualTo("{9}");
        mvc.perform(get("/").param("q", "zygomatique"))
                .andExpect(content().string(containsString("Bornage des chemins ruraux zygomatiques")));
        mvc.perform(get("/offres/Z07"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Second paragraphe.")));
    }

    @Test
    void badInputsComeBackWithAFrenchReasonNextToEachFieldAndWriteNothing() throws Exception {
        long before = offerCount();
        mvc.perform(offerForm("/admin/offres/nouvelle", "O37", "Mon titre tapé avec soin"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("L&#39;identifiant O37 est déjà celui de l&#39;offre O37")))
                .andExpect(content().string(containsString("value=\"Mon titre tap&eacute; avec soin\"")));
        mvc.perform(offerForm("/admin/offres/nouvelle", "O037", "Même identifiant écrit autrement"))
                .andExpect(content().string(containsString("L&#39;identifiant O37 est déjà celui de l&#39;offre O37")));
        mvc.perform(offerForm("/admin/offres/nouvelle", "37O", "Identifiant à l'envers"))
                .andExpect(
                        content().string(containsString("L&#39;identifiant est une lettre suivie de 1 à 4 chiffres")));
        mvc.perform(offerForm("/admin/offres/nouvelle", "Z12345", "Trop de chiffres"))
                .andExpect(
                        content().string(containsString("L&#39;identifiant est une lettre suivie de 1 à 4 chiffres")));
        mvc.perform(offerForm("/admin/offres/nouvelle", "Z01", "  ", "summary", "\u200B"))
                .andExpect(content().string(containsString("Saisissez le titre de l&#39;offre.")))
                .andExpect(content().string(containsString("Saisissez le résumé affiché sur la carte de l&#39;offre.")))
                .andExpect(content().string(containsString("Le formulaire contient 2 erreurs")));
        // Urbanisme (thematic 2) belongs to Aménagement / Urbanisme (domain 1), which is not ticked
        mvc.perform(offerForm("/admin/offres/nouvelle", "Z01", "Thématique hors domaine", "thematics", "2"))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "La thématique « Urbanisme » relève du domaine « Aménagement / Urbanisme », qui n&#39;est pas coché")))
                .andExpect(content().string(containsString("value=\"Th&eacute;matique hors domaine\"")));
        // ids that the lists never offered
        mvc.perform(offerForm(
                        "/admin/offres/nouvelle",
                        "Z01",
                        "Identifiants inconnus",
                        "typology",
                        "99",
                        "organisation",
                        "987654",
                        "chefDeFile",
                        "" + member.id()))
                .andExpect(content().string(containsString("Choisissez la typologie dans la liste.")))
                .andExpect(content().string(containsString("Choisissez l&#39;organisme porteur dans la liste.")))
                .andExpect(content()
                        .string(containsString("Choisissez le chef de file parmi les agents actifs de la liste.")));
        mvc.perform(post("/admin/offres/nouvelle")
                        .with(csrf())
                        .with(as(admin))
                        .param("code", "Z01")
                        .param("title", "Listes inconnues")
                        .param("summary", "Résumé")
                        .param("description", "Texte")
                        .param("typology", "1")
                        .param("domains", "3", "999")
                        .param("thematics", "999")
                        .param("organisation", "" + routes)
                        .param("billed", "false"))
                .andExpect(content().string(containsString("Un des domaines envoyés n&#39;existe pas")))
                .andExpect(content().string(containsString("Une des thématiques envoyées n&#39;existe pas")));
        mvc.perform(post("/admin/offres/nouvelle")
                        .with(csrf())
                        .with(as(admin))
                        .param("code", "Z01")
                        .param("title", "Valeurs illisibles")
                        .param("summary", "Résumé")
                        .param("description", "Texte")
                        .param("typology", "abc")
                        .param("domains", "x")
                        .param("organisation", "" + routes)
                        .param("billed", "peut-être")
                        .param("version", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez la typologie dans la liste.")))
                .andExpect(content().string(containsString("Un des domaines envoyés n&#39;existe pas")))
                .andExpect(content().string(containsString("Indiquez si la prestation est gratuite ou payante.")))
                .andExpect(content().string(containsString("Cochez au moins une thématique.")))
                .andExpect(content()
                        .string(containsString("Ce formulaire ne dit pas quelle version de l&#39;offre il modifie")))
                .andExpect(content().string(containsString("value=\"Valeurs illisibles\"")));
        assertThat(offerCount()).isEqualTo(before);
    }

    @Test
    void aSecondAdminSavingAStaleFormIsToldTheOfferChangedMeanwhileAndOverwritesNothing() throws Exception {
        long id = create("Z02", "Titre d'origine");
        long seen = (long) row(id).get("version");
        mvc.perform(get("/admin/offres/" + id).with(as(admin)))
                .andExpect(content().string(containsString("Titre d&#39;origine")));
        // Olivier saves first
        mvc.perform(offerForm(otherAdmin, "/admin/offres/" + id, "Z02", "Titre d'Olivier", "version", "" + seen))
                .andExpect(redirectedUrl("/admin/offres?tri=modification"));
        // Claire saves the form she opened before: the « modifiée entre-temps » page gives back what she typed
        mvc.perform(offerForm(
                                "/admin/offres/" + id,
                                "Z02",
                                "Titre de Claire",
                                "version",
                                "" + seen,
                                "summary",
                                "Résumé de Claire",
                                "keywords",
                                "bornes, fossés",
                                "billed",
                                "true")
                        .header("Referer", "http://localhost/admin/offres/" + id))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<span>L’offre</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<strong>Votre envoi n’a pas été enregistré</strong>")))
                .andExpect(content().string(containsString("<dt>Titre</dt>")))
                .andExpect(content().string(containsString("<dd>Titre de Claire</dd>")))
                .andExpect(content().string(containsString("<dd>Résumé de Claire</dd>")))
                .andExpect(content().string(containsString("<dt>Mots-clés</dt>")))
                .andExpect(content().string(containsString("<dd>bornes, fossés</dd>")))
                .andExpect(content().string(containsString("<dt>Identifiant</dt>")))
                .andExpect(content()
                        .string(containsString("href=\"/admin/offres/" + id + "\">Recharger la version actuelle</a>")));
        assertThat(row(id).get("title")).isEqualTo("Titre d'Olivier");
        // the way back shows the offer as Olivier saved it
        mvc.perform(get("/admin/offres/" + id).with(as(admin)))
                .andExpect(content().string(containsString("value=\"Titre d&#39;Olivier\"")))
                .andExpect(content().string(containsString("par <span>Olivier Test</span>")))
                .andExpect(content().string(containsString("value=\"" + row(id).get("version") + "\"")));
        // a stale form that is also wrong is stale first: correcting it would be lost anyway
        mvc.perform(offerForm("/admin/offres/" + id, "Z02", "", "version", "" + seen))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("modification entre-temps")));
        // a form without version cannot be matched to one: refused, with the reason, and what was typed stays
        mvc.perform(offerForm("/admin/offres/" + id, "Z02", "Sans version", "version", null))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Ce formulaire ne dit pas quelle version de l&#39;offre il modifie")))
                .andExpect(content().string(containsString("value=\"Sans version\"")));
        assertThat(row(id).get("title")).isEqualTo("Titre d'Olivier");
    }

    @Test
    void theAnswerAndCompletionTargetsAreSavedAndCheckedNextToTheirFields() throws Exception {
        mvc.perform(get("/admin/offres/nouvelle").with(as(admin)))
                .andExpect(content().string(containsString("Délai de réponse (jours ouvrés)")))
                .andExpect(content().string(containsString("id=\"answerDays\" name=\"answerDays\" value=\"10\"")));
        long id = create("Z11", "Offre aux délais");
        assertThat(jdbc.sql("SELECT answer_days, completion_days FROM offer WHERE id = :id")
                        .param("id", id)
                        .query()
                        .singleRow())
                .containsEntry("answer_days", 10)
                .containsEntry("completion_days", null);
        long before = (long) row(id).get("version");
        for (String[] bad : List.of(
                new String[] {"answerDays", "", "Indiquez le délai de réponse, en jours ouvrés (10 par défaut)."},
                new String[] {"answerDays", "0", "Le délai de réponse doit être compris entre 1 et 250 jours ouvrés."},
                new String[] {"answerDays", "251", "Le délai de réponse doit être compris entre 1 et 250 jours ouvrés."
                },
                new String[] {"answerDays", "dix", "Saisissez le délai de réponse en chiffres"},
                new String[] {"completionDays", "0", "Le délai de réalisation doit être compris entre 1 et 1 000 jours"
                },
                new String[] {
                    "completionDays", "1001", "Le délai de réalisation doit être compris entre 1 et 1 000 jours"
                },
                new String[] {"completionDays", "trois mois", "Saisissez le délai de réalisation en chiffres"})) {
            String page = mvc.perform(offerForm(
                            "/admin/offres/" + id, "Z11", "Titre saisi", bad[0], bad[1], "version", "" + before))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page)
                    .as(bad[0] + " = « " + bad[1] + " »")
                    .contains("<div id=\"" + bad[0] + "-erreur\" class=\"invalid-feedback\">")
                    .contains(bad[2].replace("'", "&#39;"))
                    .contains("value=\"Titre saisi\"");
            assertThat(page.indexOf(bad[0] + "-erreur\" class"))
                    .as("the message stands next to its field")
                    .isGreaterThan(page.indexOf("id=\"" + bad[0] + "\""));
        }
        assertThat(row(id).get("version")).as("nothing written").isEqualTo(before);
        mvc.perform(offerForm(
                        "/admin/offres/" + id,
                        "Z11",
                        "Offre aux délais",
                        "answerDays",
                        "15",
                        "completionDays",
                        "60",
                        "version",
                        "" + before))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT answer_days, completion_days FROM offer WHERE id = :id")
                        .param("id", id)
                        .query()
                        .singleRow())
                .containsEntry("answer_days", 15)
                .containsEntry("completion_days", 60);
        mvc.perform(get("/admin/offres/" + id).with(as(admin)))
                .andExpect(content().string(containsString("name=\"completionDays\" value=\"60\"")));
    }

    @Test
    void unreadableNumbersAndChoicesComeBackNextToTheirFieldWithEverythingElseAsTyped() throws Exception {
        long id = create("Z10", "Titre lisible");
        long version = (long) row(id).get("version");
        mvc.perform(offerForm(
                        "/admin/offres/" + id,
                        "Z10",
                        "Titre corrigé à garder",
                        "typology",
                        "XYZ",
                        "organisation",
                        "quatre",
                        "chefDeFile",
                        "abc",
                        "billed",
                        "peut-être",
                        "keywords",
                        "gardés, aussi",
                        "version",
                        "" + version))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<div id=\"typology-erreur\" class=\"invalid-feedback\">Choisissez la typologie dans la liste.</div>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<div id=\"organisation-erreur\" class=\"invalid-feedback\">Choisissez l&#39;organisme porteur dans la liste.</div>")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<div id=\"chefDeFile-erreur\" class=\"invalid-feedback\">Choisissez le chef de file parmi les agents actifs de la liste.</div>")))
                .andExpect(content().string(containsString("Indiquez si la prestation est gratuite ou payante.")))
                .andExpect(content().string(containsString("Le formulaire contient 4 erreurs")))
                .andExpect(content().string(containsString("value=\"Titre corrig&eacute; &agrave; garder\"")))
                .andExpect(content().string(containsString("value=\"gard&eacute;s, aussi\"")))
                .andExpect(content()
                        .string(matchesPattern(
                                "(?s).*id=\"domaine-3\" value=\"3\"\\s+data-domain=\"3\" checked=\"checked\".*")))
                .andExpect(content()
                        .string(matchesPattern("(?s).*id=\"thematique-9\" value=\"9\"\\s+checked=\"checked\".*")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + version + "\"")));
        // a version that is not a number: said above the form, everything typed kept
        mvc.perform(offerForm("/admin/offres/" + id, "Z10", "Titre corrigé à garder", "version", "abc"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<li>Ce formulaire ne dit pas quelle version de l&#39;offre il modifie : "
                                                        + "rechargez la page de l&#39;offre, puis saisissez à nouveau vos modifications.</li>")))
                .andExpect(content().string(containsString("value=\"Titre corrig&eacute; &agrave; garder\"")))
                .andExpect(content().string(containsString("value=\"chauss&eacute;e, trottoirs\"")));
        assertThat(row(id).get("title")).isEqualTo("Titre lisible");
        // numbers the lists never offered; spaces around a number are not a mistake
        for (String organisation : List.of("4 2", "-1", "9999999999999", "99999999999999999999")) {
            mvc.perform(offerForm(
                            "/admin/offres/nouvelle", "Z11", "Organisme " + organisation, "organisation", organisation))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Choisissez l&#39;organisme porteur dans la liste.")));
        }
        mvc.perform(offerForm(
                        "/admin/offres/nouvelle",
                        "Z11",
                        "Organisme entre espaces",
                        "organisation",
                        " " + routes + " ",
                        "typology",
                        " 1 ",
                        "domains",
                        " 3",
                        "chefDeFile",
                        chef.id() + " "))
                .andExpect(redirectedUrl("/admin/offres?tri=modification"));
        assertThat(offers.byIds(List.of(offerId("Z11"))).get(offerId("Z11")).chefDeFileId())
                .isEqualTo(chef.id());
    }

    @Test
    void oneChefDeFileIsAssignedToSeveralOffersAtOnceFromTheFilteredList() throws Exception {
        long a = create("Z03", "Offre A");
        long b = create("Z04", "Offre B");
        long c = create("Z05", "Offre C");
        mvc.perform(get("/admin/offres").param("q", "Z0").param("chef", "aucun").with(as(admin)))
                .andExpect(content().string(containsString("Offre A")))
                .andExpect(content().string(containsString(".svg#exclamation-triangle-fill\"></use></svg> Aucun")));
        long versionB = (long) row(b).get("version");
        mvc.perform(post("/admin/offres/chef-de-file")
                        .with(csrf())
                        .with(as(admin))
                        .param("offres", "" + a, "" + b)
                        .param("chefDeFile", "" + chef.id())
                        .param("q", "Z0")
                        .param("chef", "aucun"))
                .andExpect(redirectedUrl("/admin/offres?q=Z0&chef=aucun"))
                .andExpect(flash().attribute("success", "Paul Test est maintenant chef de file de ces 2 offres."));
        assertThat(row(a).get("chef_de_file_id")).isEqualTo(chef.id());
        assertThat(row(b).get("chef_de_file_id")).isEqualTo(chef.id());
        assertThat((long) row(b).get("version"))
                .as("an edit form opened before is now stale")
                .isGreaterThan(versionB);
        assertThat(row(c).get("chef_de_file_id")).isNull();
        assertThat(offers.byIds(List.of(a)).get(a).chefDeFileId())
                .as("requests are routed to them")
                .isEqualTo(chef.id());

        // refused: nobody chosen, an adherent, a disabled agent, nothing ticked
        CurrentUser gone = new Fixtures(jdbc).chefDeFile("Parti");
        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE id = :id")
                .param("id", gone.id())
                .update();
        for (String who : List.of("", "" + member.id(), "" + gone.id(), "abc")) {
            mvc.perform(post("/admin/offres/chef-de-file")
                            .with(csrf())
                            .with(as(admin))
                            .param("offres", "" + c)
                            .param("chefDeFile", who))
                    .andExpect(redirectedUrl("/admin/offres"))
                    .andExpect(flash().attribute(
                                    "failure", "Choisissez le chef de file parmi les agents actifs de la liste."))
                    .andExpect(flash().attribute("ticked", List.of("" + c)));
        }
        mvc.perform(post("/admin/offres/chef-de-file")
                        .with(csrf())
                        .with(as(admin))
                        .param("chefDeFile", "" + chef.id()))
                .andExpect(flash().attribute("failure", "Cochez au moins une offre dans la liste."));
        mvc.perform(post("/admin/offres/chef-de-file")
                        .with(csrf())
                        .with(as(admin))
                        .param("offres", "" + c, "abc")
                        .param("chefDeFile", "" + chef.id()))
                .andExpect(flash().attribute(
                                "failure",
                                "Une des offres cochées n'existe plus : rechargez la liste et recommencez."));
        assertThat(row(c).get("chef_de_file_id")).isNull();

        // an offer led by a disabled account counts as without chef de file
        jdbc.sql("UPDATE offer SET chef_de_file_id = :g WHERE id = :c")
                .param("g", gone.id())
                .param("c", c)
                .update();
        mvc.perform(get("/admin/offres").param("q", "Z0").param("chef", "aucun").with(as(admin)))
                .andExpect(content().string(containsString("Offre C")))
                .andExpect(content().string(not(containsString("Offre A"))))
                .andExpect(content().string(containsString("compte inactif")));
    }

    @Test
    void theCountOfPublishedOffersWithoutChefDeFileIsShownFirst() throws Exception {
        long withoutChef = jdbc.sql(
                        "SELECT count(*) FROM offer o WHERE published AND NOT EXISTS (SELECT 1 FROM app_user u "
                                + "WHERE u.id = o.chef_de_file_id AND u.status = 'ACTIVE' AND u.role IN ('CHEF_DE_FILE', 'ADMIN'))")
                .query(Long.class)
                .single();
        create("Z06", "Offre sans chef");
        mvc.perform(get("/admin/offres").with(as(admin)))
                .andExpect(content().string(containsString("<span>" + (withoutChef + 1) + "</span>")))
                .andExpect(content().string(containsString("offres publiées sans chef de file")))
                .andExpect(
                        content().string(containsString("href=\"/admin/offres?publication=publiees&amp;chef=aucun\"")));
    }

    @Test
    void anUnpublishedOfferLeavesTheCatalogueAndItsSearchButItsRequestsStayReadable() throws Exception {
        long o55 = offerId("O55");
        String title = offers.byIds(List.of(o55)).get(o55).title();
        MvcResult filed = mvc.perform(multipart("/demandes")
                        .file(new MockMultipartFile(
                                "fichiers", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes()))
                        .param("offre", "O55")
                        .param("referent", "" + commune.referentId())
                        .param("message", "Bonjour")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String request = filed.getResponse().getRedirectedUrl();
        try {
            mvc.perform(post("/admin/offres/" + o55 + "/publication")
                            .param("publiee", "false")
                            .param("publication", "publiees")
                            .param("confirme", "oui")
                            .with(csrf())
                            .with(as(admin)))
                    .andExpect(redirectedUrl("/admin/offres?publication=publiees"))
                    .andExpect(
                            flash().attribute(
                                            "success",
                                            "L'offre O55 est retirée du catalogue. Ses demandes existantes restent consultables."));
            mvc.perform(get("/").param("code", "O55"))
                    .andExpect(content().string(containsString("Aucune offre n'a l'identifiant")));
            mvc.perform(get("/").param("q", title)).andExpect(content().string(not(containsString(title))));
            mvc.perform(get("/offres/O55")).andExpect(status().isNotFound());
            mvc.perform(get("/offres/O55").with(as(member))).andExpect(status().isNotFound());
            mvc.perform(get("/demandes/nouvelle").param("offre", "O55").with(as(member)))
                    .andExpect(status().isNotFound());
            assertThat(offers.publishedByCode("O55")).isEmpty();
            mvc.perform(get("/offres/O55").with(as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Cette offre n'est pas publiée.")))
                    .andExpect(content().string(not(containsString("Faire une demande"))));
            mvc.perform(get(request).with(as(member)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(title.replace("'", "&#39;"))))
                    .andExpect(content().string(containsString("n'est plus proposée dans le catalogue")));
        } finally {
            mvc.perform(post("/admin/offres/" + o55 + "/publication")
                            .param("publiee", "true")
                            .with(csrf())
                            .with(as(admin)))
                    .andExpect(flash().attribute("success", containsString("L'offre O55 est publiée")));
        }
        mvc.perform(get("/").param("code", "O55"))
                .andExpect(content().string(containsString(title.replace("'", "&#39;"))));
    }

    @Test
    void anEditIsSearchableAtOnceAndTheOldWordsAreNot() throws Exception {
        long id = create("Z08", "Curage des fossés xylophages");
        mvc.perform(get("/").param("q", "xylophages")).andExpect(content().string(containsString("Curage des fossés")));
        mvc.perform(offerForm(
                        "/admin/offres/" + id,
                        "Z08",
                        "Curage des fossés ornithologiques",
                        "keywords",
                        "hérons",
                        "version",
                        "" + row(id).get("version")))
                .andExpect(flash().attribute("success", "L'offre Z08 est enregistrée."));
        mvc.perform(get("/").param("q", "xylophages"))
                .andExpect(content().string(not(containsString("Curage des fossés"))));
        mvc.perform(get("/").param("q", "heron"))
                .andExpect(content().string(containsString("Curage des fossés ornithologiques")));
    }

    @Test
    void anAdminsEditShowsAtOnceOnTheCachedPagesWithNewEtags() throws Exception {
        long id = create("Z09", "Élagage des platanes quadragénaires");
        String[] pages = {"/offres/Z09", "/?q=platanes"};
        String[] etags = new String[pages.length];
        for (int i = 0; i < pages.length; i++) {
            etags[i] = mvc.perform(get(pages[i]))
                    .andExpect(content().string(containsString("Élagage des platanes quadragénaires")))
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
            mvc.perform(get(pages[i]).header("If-None-Match", etags[i])).andExpect(status().isNotModified());
        }
        mvc.perform(offerForm(
                        "/admin/offres/" + id,
                        "Z09",
                        "Élagage des platanes centenaires",
                        "version",
                        "" + row(id).get("version")))
                .andExpect(flash().attribute("success", "L'offre Z09 est enregistrée."));
        for (int i = 0; i < pages.length; i++) {
            String etag = mvc.perform(get(pages[i]).header("If-None-Match", etags[i]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Élagage des platanes centenaires")))
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
            assertThat(etag).as(pages[i]).isNotNull().isNotEqualTo(etags[i]);
        }
    }

    @Test
    void theAdminListCostsTheSameStatementsWhateverTheFiltersAndTheNumberOfOffers() throws Exception {
        List<String> urls = List.of(
                "/admin/offres",
                "/admin/offres?page=2",
                "/admin/offres?q=O37",
                "/admin/offres?chef=aucun&typologie=exposition&domaine=tourisme&publication=non-publiees&organisme="
                        + routes + "&tri=titre",
                "/admin/offres?q=zzzz");
        QueryCounting.reset();
        mvc.perform(get(urls.getFirst()).with(as(admin))).andExpect(status().isOk());
        long full = QueryCounting.count();
        assertThat(full)
                .as("4 for the list, 1 for the envelope's unread count " + QueryCounting.statements())
                .isEqualTo(5);
        for (String url : urls) {
            QueryCounting.reset();
            String html = mvc.perform(get(url).with(as(admin)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // nothing found: the count alone, no page of rows
            long expected = html.contains("Aucune offre ne correspond") ? full - 1 : full;
            assertThat(QueryCounting.count())
                    .as(url + " " + QueryCounting.statements())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theOfferPageOffersAdminsToEditIt() throws Exception {
        long o37 = offerId("O37");
        mvc.perform(get("/offres/O37").with(as(admin)))
                .andExpect(content().string(containsString("href=\"/admin/offres/" + o37 + "\"")))
                .andExpect(content().string(containsString("Modifier l'offre")));
        for (CurrentUser someone : List.of(member, chef)) {
            mvc.perform(get("/offres/O37").with(as(someone)))
                    .andExpect(content().string(not(containsString("Modifier l'offre"))));
        }
        mvc.perform(get("/offres/O37")).andExpect(content().string(not(containsString("Modifier l'offre"))));
    }

    @Test
    void organisationsAreAddedRenamedAndRemovedOnlyWhenTheyLeadNothing() throws Exception {
        mvc.perform(post("/admin/organismes")
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "Test Agence de l'eau")
                        .param("kind", "PARTENAIRE")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/organismes"));
        long id = jdbc.sql("SELECT id FROM organisation WHERE name = 'Test Agence de l''eau'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT slug FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("test-agence-de-l-eau");
        mvc.perform(post("/admin/organismes")
                        .with(csrf())
                        .with(as(admin))
                        .param("name", " test AGENCE de l'eau ")
                        .param("kind", "PARTENAIRE")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Un organisme porte déjà ce nom.")));
        mvc.perform(get("/admin/offres/nouvelle").with(as(admin)))
                .andExpect(content().string(containsString("Test Agence de l&#39;eau")));
        mvc.perform(post("/admin/organismes/" + id)
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "Test Agence de l'eau Seine-Normandie")
                        .param("kind", "PARTENAIRE")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/organismes"));
        mvc.perform(post("/admin/organismes/" + id)
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "Test Ancien nom")
                        .param("kind", "PARTENAIRE")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<span>L’organisme</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dt>Nom</dt>")))
                .andExpect(content().string(containsString("<dd>Test Ancien nom</dd>")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"/admin/organismes/" + id + "\">Recharger la version actuelle</a>")));
        assertThat(jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Test Agence de l'eau Seine-Normandie");
        // a kind that is not one, a name made of invisible characters: each said next to its field, nothing written
        mvc.perform(post("/admin/organismes/" + id)
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "Test Nom gardé")
                        .param("kind", "ASSOCIATION")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Indiquez s&#39;il s&#39;agit d&#39;un service du Département ou d&#39;un partenaire.")))
                .andExpect(content().string(containsString("value=\"Test Nom gard&eacute;\"")));
        mvc.perform(post("/admin/organismes")
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "\u200B")
                        .param("kind", "PARTENAIRE")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez le nom de l&#39;organisme.")));
        long z09 = create("Z09", "Offre portée par l'agence");
        jdbc.sql("UPDATE offer SET organisation_id = :o WHERE id = :id")
                .param("o", id)
                .param("id", z09)
                .update();
        mvc.perform(get("/offres/Z09"))
                .andExpect(content().string(containsString("Test Agence de l&#39;eau Seine-Normandie")));
        mvc.perform(post("/admin/organismes/" + id + "/suppression")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("failure", containsString("porte encore 1 offre")));
        jdbc.sql("DELETE FROM offer WHERE id = :id").param("id", z09).update();
        mvc.perform(post("/admin/organismes/" + id + "/suppression")
                        .param("confirme", "oui")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("success", "« Test Agence de l'eau Seine-Normandie » est supprimé."));
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
