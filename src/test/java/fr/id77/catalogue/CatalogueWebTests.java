package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.QueryCounting;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The catalogue pages through the whole web stack (real security, real templates, real database). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class CatalogueWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CataloguePageCache cache;

    /** Count, page of offers, their domains; nothing found: the count alone. Exact, so one more statement fails. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "/ 3",
                "/?q=amenagement 3",
                "/?q=o37&tri=titre 3",
                "/?code=O3 3",
                "/?domaine=amenagement-urbanisme&domaine=tourisme&thematique=urbanisme&typologie=ingenierie-de-projet 3",
                "/?domaine=eau-assainissement&tri=recentes&page=2 3",
                "/?page=3 3",
                "/?code=Z999 1"
            })
    void aCataloguePageRunsItsExactStatementBudget(String url, int statements) throws Exception {
        cache.clear();
        QueryCounting.reset();
        String rendered = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(QueryCounting.count())
                .as(url + " " + QueryCounting.statements())
                .isEqualTo(statements);
        assertThat(QueryCounting.sessionCount()).as("a visitor has no session").isZero();

        QueryCounting.reset();
        mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().string(rendered))
                .andExpect(header().string("Cache-Control", "no-cache"));
        assertThat(QueryCounting.count())
                .as("the same page again, from the cache: " + QueryCounting.statements())
                .isZero();
        assertThat(QueryCounting.sessionCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/?page=-1",
                "/?page=abc",
                "/?page=99999999999999",
                "/?tri=xyz",
                "/?domaine=inconnu",
                "/?thematique=%3Cscript%3E",
                "/?typologie=../../etc",
                "/?q=%00%01",
                "/?q=%F0%9F%92%A9%E2%80%8B",
                "/?q=%27%22%3B--%7C%26!:*(",
                "/?code=%25%5F",
                "/?q=a&q=b",
                "/?domaine="
            })
    void badInputNeverBreaksThePage(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html)
                .contains("Offres de service")
                .doesNotContain("Exception")
                .doesNotContain("<script>");
    }

    @Test
    void aTenKilobyteQueryIsTrimmedWithAMessage() throws Exception {
        String html = mvc.perform(get("/").param("q", "aménagement ".repeat(900)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("seuls ses 200 premiers caractères");
    }

    @Test
    void anUnknownCodeExplainsWhatToDo() throws Exception {
        mvc.perform(get("/").param("code", "O999"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Aucune offre n'a l'identifiant « <strong>O999</strong> »")));
    }

    @Test
    void anUnknownSlugIsIgnoredWithAMessage() throws Exception {
        mvc.perform(get("/").param("domaine", "inconnu"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Le domaine « inconnu » n&#39;existe pas : ce filtre a été ignoré")));
    }

    /** A page that is not a number is what a mistyped address gives: the first page, said so, the other filters kept. */
    @Test
    void anUnreadablePageShowsTheFirstWithANoticeAndKeepsTheOtherFilters() throws Exception {
        MvcResult result = mvc.perform(get("/").param("q", "voirie")
                        .param("domaine", "mobilites-voirie")
                        .param("page", "abc"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains("La page « abc » n&#39;existe pas : voici la première page.")
                .contains("name=\"q\" value=\"voirie\"");
        CatalogueQuery query =
                (CatalogueQuery) result.getModelAndView().getModel().get("query");
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.text()).isEqualTo("voirie");
        assertThat(query.domains())
                .extracting(CatalogueReference.DomainRef::slug)
                .containsExactly("mobilites-voirie");
        for (String page : new String[] {"99999999999999", "1.5", "deux"}) {
            mvc.perform(get("/").param("page", page))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(Matchers.containsString(
                                    "La page « " + page + " » n&#39;existe pas : voici la première page.")));
        }
        mvc.perform(get("/").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("voici la première page"))));
    }

    @Test
    void anUnknownTypologyIsIgnoredWithAMessageAndTheOtherFiltersStay() throws Exception {
        MvcResult result = mvc.perform(
                        get("/").param("typologie", "XYZ").param("q", "voirie").param("tri", "titre"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains("La typologie « XYZ » n&#39;existe pas : ce filtre a été ignoré.")
                .contains("name=\"q\" value=\"voirie\"");
        CatalogueQuery query =
                (CatalogueQuery) result.getModelAndView().getModel().get("query");
        assertThat(query.typology()).isNull();
        assertThat(query.text()).isEqualTo("voirie");
        assertThat(query.sort()).isEqualTo(CatalogueQuery.Sort.TITRE);
        assertThat(query.notices()).hasSize(1);
    }

    @Test
    void offerPagesAreReachableByCodeInAnyCase() throws Exception {
        mvc.perform(get("/offres/O69"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ID77-DADT-PROTER")));
        mvc.perform(get("/offres/o69")).andExpect(redirectedUrl("/offres/O69"));
        mvc.perform(get("/offres/O999")).andExpect(status().isNotFound());
        mvc.perform(get("/offres/..%2F..")).andExpect(status().is4xxClientError());
    }

    @Test
    void informationPagesArePublicAndSecured() throws Exception {
        for (String page : new String[] {"/contact", "/mentions-legales", "/accessibilite", "/connexion"}) {
            mvc.perform(get(page))
                    .andExpect(status().isOk())
                    .andExpect(header().exists("Content-Security-Policy"))
                    .andExpect(content().string(Matchers.containsString("ID77 © Département de Seine-et-Marne")));
        }
        mvc.perform(get("/contact")).andExpect(content().string(Matchers.containsString("01.64.14.73.56")));
    }

    @Test
    void aRequestFromAVisitorLeadsToSignIn() throws Exception {
        mvc.perform(get("/demandes/nouvelle").param("offre", "O37"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/connexion"));
    }
}
