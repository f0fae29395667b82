package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.QueryCounting;
import fr.id77.support.RequestRows;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class RequestWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestViews views;

    Fixtures.Collectivity commune;
    CurrentUser member;
    CurrentUser otherMember;
    CurrentUser chef;
    CurrentUser otherChef;
    CurrentUser admin;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Testville", "Melun");
        member = f.adherent(commune, "Anne");
        otherMember = f.adherent(f.collectivity("Commune d'Ailleurs", "Provins"), "Bruno");
        chef = f.chefDeFile("Paul");
        otherChef = f.chefDeFile("Lucie");
        admin = f.admin("Claire");
        f.lead("O36", chef);
        f.lead("O69", chef);
    }

    private int fileRequest(String code) throws Exception {
        MvcResult result = mvc.perform(multipart("/demandes")
                        .file(new MockMultipartFile(
                                "fichiers", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes()))
                        .param("offre", code)
                        .param("referent", String.valueOf(commune.referentId()))
                        .param("message", "Bonjour, nous souhaitons être accompagnés.")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return Integer.parseInt(result.getResponse().getRedirectedUrl().replace("/demandes/", ""));
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }

    @Test
    void aCollectivityFilesARequestThatLandsPendingWithItsMessageAndFile() throws Exception {
        mvc.perform(get("/demandes/nouvelle").param("offre", "O36").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Référent technique chargé du suivi")))
                .andExpect(content().string(containsString("Anne Test")));
        int numero = fileRequest("O36");
        mvc.perform(get("/demandes/" + numero).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demande N°" + numero)))
                .andExpect(content().string(containsString("status-pending\">En attente")))
                .andExpect(content().string(containsString("Commentaires (<span>1</span>)")))
                .andExpect(content().string(containsString("plan.pdf")))
                .andExpect(content().string(containsString("Paul Test")))
                .andExpect(
                        content().string(containsString("proposer des aménagements de voirie favorables aux piétons")));
        // the duplicate warning, then « Faire une nouvelle demande »
        mvc.perform(get("/demandes/nouvelle").param("offre", "o36").with(as(member)))
                .andExpect(content().string(containsString("Une demande est déjà en cours pour cette offre")));
        mvc.perform(get("/demandes/nouvelle")
                        .param("offre", "O36")
                        .param("nouvelle", "1")
                        .with(as(member)))
                .andExpect(content().string(containsString("Créer")));
    }

    @Test
    void aRefusedFormComesBackWithReasonsAndTheMessageAndCreatesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        byte[] exe = {'M', 'Z', 0, 0, 0, 0, 0, 0, 0, 0};
        mvc.perform(multipart("/demandes")
                        .file(new MockMultipartFile("fichiers", "devis.pdf", "application/pdf", exe))
                        .param("offre", "O36")
                        .param("referent", String.valueOf(otherMember.collectivityId()))
                        .param("message", "Mon long message tapé avec soin")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez le référent technique")))
                .andExpect(content().string(containsString("« devis.pdf » n&#39;est pas d&#39;un type accepté")))
                .andExpect(content().string(containsString("Mon long message tapé avec soin")));
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aReferentThatIsNotANumberIsRefusedBesideItsFieldAndTheMessageKept() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        mvc.perform(post("/demandes")
                        .param("offre", "O36")
                        .param("referent", "abc")
                        .param("message", "Mon message gardé")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "id=\"referent-erreur\" class=\"invalid-feedback\">Choisissez le référent technique")))
                .andExpect(content().string(containsString("Mon message gardé")));
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void withoutATechnicalReferentTheCollectivityIsSentToItsProfile() throws Exception {
        jdbc.sql("UPDATE technical_referent SET removed_at = now() WHERE collectivity_id = :c")
                .param("c", commune.id())
                .update();
        mvc.perform(get("/demandes/nouvelle").param("offre", "O36").with(as(member)))
                .andExpect(content().string(containsString("Ajoutez d'abord un référent technique")));
        mvc.perform(get("/demandes/nouvelle").param("offre", "O36").with(as(chef)))
                .andExpect(content().string(containsString("déposées par les collectivités")));
    }

    @Test
    void theChefDeFileAcceptsCommentsAndCompletesTheCollectivityAnswers() throws Exception {
        int numero = fileRequest("O69");
        changeStatus(numero, "EN_COURS", null, chef)
                .andExpect(redirectedUrl("/demandes/" + numero))
                .andExpect(flash().attribute("success", containsString("En cours")));
        mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                        .param("message", "<b>Bonjour</b>, rendez-vous mardi ?")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", "Votre message a été envoyé."));
        mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                        .param("message", "Oui, voici le plan")
                        .file(new MockMultipartFile(
                                "fichiers", "bourg.csv", "text/csv", "rue;numero\nGrande rue;1\n".getBytes()))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("success", "Votre message a été envoyé."));
        mvc.perform(post("/demandes/" + numero + "/statut")
                        .param("statut", "TERMINEE")
                        .param("motif", "Dossier remis")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", containsString("Terminée")));
        mvc.perform(get("/demandes/" + numero).with(as(member)))
                .andExpect(content().string(containsString("status-done\">Terminée")))
                .andExpect(content().string(containsString("&lt;b&gt;Bonjour&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>Bonjour</b>"))))
                .andExpect(content().string(containsString("bourg.csv")))
                .andExpect(content().string(containsString("Motif : Dossier remis")));
    }

    /** {@code who} moves the request to {@code statut} from its current version, giving {@code motif} (null: none). */
    private ResultActions changeStatus(int numero, String statut, String motif, CurrentUser who) throws Exception {
        MockHttpServletRequestBuilder request = post("/demandes/" + numero + "/statut")
                .param("statut", statut)
                .param("version", "" + version(numero))
                .with(csrf())
                .with(as(who));
        return mvc.perform(motif == null ? request : request.param("motif", motif));
    }

    /** {@code who} transmits compléments with the form read at {@code version}. */
    private ResultActions transmit(
            int numero, String reponse, long version, CurrentUser who, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/demandes/" + numero + "/complements");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.param("reponse", reponse)
                .param("version", "" + version)
                .with(csrf())
                .with(as(who)));
    }

    private String page(String path, CurrentUser who) throws Exception {
        return mvc.perform(get(path).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void complementsAskedOnAnAcceptedRequestAreTransmittedBackToInProgressAndOnlyByTheCollectivity() throws Exception {
        int numero = fileRequest("O69");
        changeStatus(numero, "EN_COURS", null, chef)
                .andExpect(flash().attribute("success", containsString("En cours")));
        // the message to the collectivity is required
        changeStatus(numero, "COMPLEMENTS", " ", chef)
                .andExpect(flash().attribute("error", containsString("Indiquez les compléments attendus")));
        changeStatus(numero, "COMPLEMENTS", "Le budget prévisionnel, s'il vous plaît.", chef)
                .andExpect(redirectedUrl("/demandes/" + numero))
                .andExpect(flash().attribute("success", containsString("Compléments demandés")));
        assertThat(page("/demandes/" + numero, member))
                .contains("status-complements\">Compléments demandés")
                .contains("Le budget prévisionnel, s&#39;il vous plaît.")
                .contains("Transmettre les compléments")
                .contains("Suspendu jusqu");
        assertThat(page("/demandes/" + numero, chef))
                .contains("Le budget prévisionnel")
                .doesNotContain("Transmettre les compléments");

        // neither the chef de file nor another collectivity transmits them; an empty answer is refused beside its field
        long stale = version(numero);
        transmit(numero, "Je réponds à leur place", stale, chef)
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.notNullValue()));
        transmit(numero, "Intrus", stale, otherMember).andExpect(status().isNotFound());
        transmit(numero, "  ", stale, member)
                .andExpect(redirectedUrl("/demandes/" + numero + "#complements"))
                .andExpect(flash().attribute("complementsError", RequestConversation.COMPLEMENTS_EMPTY));
        assertThat(views.view(numero, Actor.admin(admin.id())).status()).isEqualTo(RequestStatus.COMPLEMENTS);

        transmit(
                        numero,
                        "Voici le budget.",
                        stale,
                        member,
                        new MockMultipartFile("fichiers", "budget.csv", "text/csv", "poste;montant\n".getBytes()))
                .andExpect(redirectedUrl("/demandes/" + numero))
                .andExpect(flash().attribute("success", containsString("de nouveau « En cours »")));
        RequestViews.RequestState state = views.view(numero, Actor.admin(admin.id()));
        assertThat(state.status()).isEqualTo(RequestStatus.EN_COURS);
        assertThat(state.history())
                .filteredOn(h -> "STATUS".equals(h.kind()))
                .extracting(
                        RequestViews.HistoryLine::from, RequestViews.HistoryLine::to, RequestViews.HistoryLine::reason)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple(
                                RequestStatus.EN_COURS,
                                RequestStatus.COMPLEMENTS,
                                "Le budget prévisionnel, s'il vous plaît."),
                        org.assertj.core.groups.Tuple.tuple(
                                RequestStatus.COMPLEMENTS,
                                RequestStatus.EN_COURS,
                                "Voici le budget. (1 fichier joint)"));
        assertThat(page("/demandes/" + numero, chef)).contains("Voici le budget.", "budget.csv");
        // the same form again: the request changed meanwhile
        transmit(numero, "Encore", stale, member).andExpect(status().isConflict());
    }

    @Test
    void lateRequestsAreFilteredAndSortedInTheListAndSaidInWords() throws Exception {
        int onTime = fileRequest("O36");
        int late = fileRequest("O69");
        int later = fileRequest("O36");
        jdbc.sql("UPDATE request SET due_on = current_date - 3 WHERE numero = :n")
                .param("n", late)
                .update();
        jdbc.sql("UPDATE request SET due_on = current_date - 30 WHERE numero = :n")
                .param("n", later)
                .update();
        String filtered = page("/demandes?retard=oui&tri=retard", chef);
        assertThat(filtered)
                .contains("href=\"/demandes/" + late + "\"", "href=\"/demandes/" + later + "\"")
                .doesNotContain("href=\"/demandes/" + onTime + "\"")
                .contains(
                        "id=\"retard\" name=\"retard\" type=\"checkbox\" value=\"oui\"",
                        "aria-describedby=\"retard-aide\" checked=\"checked\"")
                .contains("<option value=\"retard\" selected=\"selected\">")
                .containsPattern("En retard de \\d+ j");
        assertThat(filtered.indexOf("href=\"/demandes/" + later + "\""))
                .as("the most late first")
                .isLessThan(filtered.indexOf("href=\"/demandes/" + late + "\""));
        // the pages and the export keep the filter in their address
        assertThat(filtered).contains("/demandes/export.csv?retard=oui&amp;tri=retard");
        // without the filter, the sort alone puts the late first and the others after
        String sorted = page("/demandes?tri=retard", chef);
        assertThat(sorted.indexOf("href=\"/demandes/" + later + "\""))
                .isLessThan(sorted.indexOf("href=\"/demandes/" + late + "\""));
        assertThat(sorted.indexOf("href=\"/demandes/" + late + "\""))
                .isLessThan(sorted.indexOf("href=\"/demandes/" + onTime + "\""));
        // the collectivity sees it too, on its list and on the request
        assertThat(page("/demandes?retard=oui", member)).contains("href=\"/demandes/" + later + "\"");
        assertThat(page("/demandes/" + onTime, member)).contains("Réponse attendue avant le ");
    }

    @Test
    void aReplyToAMessageThatIsNotANumberKeepsTheDraftAndSendsNothing() throws Exception {
        int numero = fileRequest("O69");
        long before = jdbc.sql("SELECT count(*) FROM request_comment")
                .query(Long.class)
                .single();
        mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                        .param("message", "Voici ma réponse")
                        .param("repondA", "abc")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(redirectedUrl("/demandes/" + numero + "#commenter"))
                .andExpect(flash().attribute(
                                "error",
                                containsString("Le message auquel vous répondez n'existe pas sur cette demande.")))
                .andExpect(flash().attribute("draft", "Voici ma réponse"));
        assertThat(jdbc.sql("SELECT count(*) FROM request_comment")
                        .query(Long.class)
                        .single())
                .as("nothing sent")
                .isEqualTo(before);
    }

    @Test
    void aStaleFormIsToldTheRequestChangedMeanwhile() throws Exception {
        int numero = fileRequest("O36");
        long seen = version(numero);
        mvc.perform(post("/demandes/" + numero + "/statut")
                        .param("statut", "EN_COURS")
                        .param("version", "" + seen)
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", containsString("En cours")));
        mvc.perform(post("/demandes/" + numero + "/statut")
                        .param("statut", "REJETEE")
                        .param("motif", "Hors champ")
                        .param("version", "" + seen)
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("La demande</span> : modification entre-temps")))
                .andExpect(content().string(containsString("<dt>Motif</dt>")))
                .andExpect(content().string(containsString("<dd>Hors champ</dd>")));
        assertThat(views.view(numero, Actor.admin(admin.id())).status()).isEqualTo(RequestStatus.EN_COURS);
    }

    @Test
    void everyRouteIsAllowedOrRefusedAsItShouldBeForEveryone() throws Exception {
        int numero = fileRequest("O36");
        long fileId = jdbc.sql(
                        "SELECT a.id FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
        String page = "/demandes/" + numero;
        List<String> reads = List.of(page, page + "/impression", page + "/fichiers/" + fileId, page + "/annulation");
        record Who(String name, CurrentUser user, boolean sees) {}
        for (Who who : List.of(
                new Who("member", member, true),
                new Who("chef", chef, true),
                new Who("admin", admin, true),
                new Who("other member", otherMember, false),
                new Who("other chef", otherChef, false))) {
            for (String url : reads) {
                mvc.perform(get(url).with(as(who.user())))
                        .andExpect(who.sees() ? status().isOk() : status().isNotFound());
            }
            if (!who.sees()) {
                for (String action : List.of("/commentaires", "/fichiers", "/referent", "/responsable", "/statut")) {
                    mvc.perform(multipart(page + action)
                                    .param("message", "intrus")
                                    .param("statut", "EN_COURS")
                                    .param("referent", "" + commune.referentId())
                                    .param("responsable", "" + who.user().id())
                                    .param("version", "" + version(numero))
                                    .with(csrf())
                                    .with(as(who.user())))
                            .andExpect(status().isNotFound());
                }
            }
        }
        for (String url : reads) {
            mvc.perform(get(url)).andExpect(redirectedUrl("/connexion"));
        }
        mvc.perform(post(page + "/commentaires").param("message", "sans jeton").with(as(member)))
                .andExpect(status().isForbidden());
        // the collectivity may not process its own request; the chef de file may not cancel it
        mvc.perform(post(page + "/statut")
                        .param("statut", "EN_COURS")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("error", containsString("Impossible")));
        mvc.perform(post(page + "/statut")
                        .param("statut", "ANNULEE")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("error", containsString("Impossible")));
        mvc.perform(post(page + "/statut")
                        .param("statut", "SUPPRIMEE")
                        .param("motif", "x")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("error", containsString("Impossible")));
        // a file id of another request is not found
        int other = fileRequest("O69");
        mvc.perform(get("/demandes/" + other + "/fichiers/" + fileId).with(as(member)))
                .andExpect(status().isNotFound());
        assertThat(views.view(numero, Actor.admin(admin.id())).status()).isEqualTo(RequestStatus.EN_ATTENTE);
    }

    @Test
    void whenAnOfferChangesHandsItsOpenRequestsFollowTheNewChefDeFile() throws Exception {
        int open = fileRequest("O36");
        int cancelled = fileRequest("O36");
        mvc.perform(post("/demandes/" + cancelled + "/statut")
                        .param("statut", "ANNULEE")
                        .param("version", "" + version(cancelled))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("success", containsString("Annulée")));
        long offerId = jdbc.sql("SELECT id FROM offer WHERE code = 'O36'")
                .query(Long.class)
                .single();

        mvc.perform(post("/admin/offres/chef-de-file")
                        .param("offres", "" + offerId)
                        .param("chefDeFile", "" + otherChef.id())
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().is3xxRedirection());

        String chefOf = "SELECT chef_de_file_id FROM request WHERE numero = :n";
        assertThat(jdbc.sql(chefOf).param("n", open).query(Long.class).single()).isEqualTo(otherChef.id());
        assertThat(jdbc.sql(chefOf).param("n", cancelled).query(Long.class).single())
                .as("a closed request keeps its chef de file")
                .isEqualTo(chef.id());
        mvc.perform(get("/demandes/" + open).with(as(otherChef)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chef de file modifié")))
                .andExpect(content().string(containsString("Accepter la demande")));
        mvc.perform(get("/demandes/" + open).with(as(chef))).andExpect(status().isNotFound());
        assertThat(jdbc.sql(
                                "SELECT user_id FROM notification WHERE request_numero = :n AND event = 'CONTACT_CHEF_DE_FILE'")
                        .param("n", open)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(member.id(), otherChef.id());
    }

    @Test
    void filesAreDownloadedAsAttachmentsNeverRendered() throws Exception {
        int numero = fileRequest("O36");
        long fileId = jdbc.sql(
                        "SELECT a.id FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
        byte[] body = mvc.perform(
                        get("/demandes/" + numero + "/fichiers/" + fileId).with(as(chef)))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 plan");
    }

    @Test
    void listsShowEachOneTheirOwnRequestsWithFiltersAndTabs() throws Exception {
        int a = fileRequest("O36");
        int b = fileRequest("O69");
        changeStatus(b, "EN_COURS", null, chef).andExpect(flash().attribute("success", containsString("En cours")));
        mvc.perform(get("/demandes").with(as(member)))
                .andExpect(content().string(containsString("O36 – ")))
                .andExpect(content().string(containsString("/demandes/" + a + "/annulation")));
        mvc.perform(get("/demandes").with(as(otherMember)))
                .andExpect(content().string(not(containsString("Commune de Testville"))));
        mvc.perform(get("/demandes").param("statut", "EN_COURS").with(as(chef)))
                .andExpect(content().string(containsString("href=\"/demandes/" + b + "\"")))
                .andExpect(content().string(not(containsString("href=\"/demandes/" + a + "\""))))
                .andExpect(content().string(containsString("Toutes")));
        mvc.perform(get("/demandes")
                        .param("prestation", "O36")
                        .param("collectivite", "testville")
                        .with(as(admin)))
                .andExpect(content().string(containsString("href=\"/demandes/" + a + "\"")))
                .andExpect(content().string(not(containsString("href=\"/demandes/" + b + "\""))));
        mvc.perform(get("/demandes").with(as(otherChef))).andExpect(content().string(containsString("Aucune demande")));
        // cantons are offered and filtered by their names, not by their stored constants
        mvc.perform(get("/demandes").with(as(admin)))
                .andExpect(content().string(containsString(">La Ferté-sous-Jouarre</option>")))
                .andExpect(content().string(not(containsString(">LA_FERTE_SOUS_JOUARRE<"))));
        mvc.perform(get("/demandes").param("canton", "MELUN").with(as(admin)))
                .andExpect(content().string(containsString("href=\"/demandes/" + a + "\"")))
                .andExpect(content()
                        .string(containsString("<option value=\"MELUN\" selected=\"selected\">Melun</option>")));
        mvc.perform(get("/demandes").param("canton", "PROVINS").with(as(admin)))
                .andExpect(content().string(not(containsString("href=\"/demandes/" + a + "\""))));
        for (String bad :
                List.of("?page=-4", "?statut=xyz", "?numero=%00abc", "?tri=zz", "?groupe=nope&thematique=%3Cb%3E")) {
            mvc.perform(get("/demandes" + bad).with(as(member))).andExpect(status().isOk());
        }
    }

    @Test
    void filtersThatDoNotBindAreRefusedNextToTheirFieldAndTheOthersKept() throws Exception {
        int a = fileRequest("O36");
        String page = mvc.perform(get("/demandes")
                        .param("canton", "XYZ")
                        .param("page", "abc")
                        .param("statut", "EN_ATTENTE")
                        .param("collectivite", "testville")
                        .param("prestation", "O36")
                        .param("tri", "anciennes")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains(
                        "id=\"canton-erreur\" class=\"invalid-feedback d-block filter-error\">Choisissez un canton de la liste.</div>")
                .contains("id=\"page-erreur\"", "Saisissez un nombre entier (chiffres uniquement).")
                // the other filters are kept, shown and applied
                .contains("<option value=\"EN_ATTENTE\" selected=\"selected\">En attente</option>")
                .contains("value=\"testville\"", "<option value=\"anciennes\" selected=\"selected\">", ">" + a + "<")
                .doesNotContain("<option value=\"MELUN\" selected");
        assertThat(page.indexOf("canton-erreur"))
                .as("the canton message stands right after the canton filter")
                .isGreaterThan(page.indexOf("id=\"canton\""))
                .isLessThan(page.indexOf("id=\"tri\""));

        mvc.perform(get("/demandes")
                        .param("statut", "XYZ")
                        .param("prestation", "O36")
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "id=\"statut-erreur\" class=\"invalid-feedback d-block\">Cette valeur n’est pas valide.</div>")))
                .andExpect(content().string(containsString("<option value=\"O36\" selected=\"selected\">")))
                .andExpect(content().string(containsString(">" + a + "<")));
    }

    @Test
    void theListAndTheRequestPageCostAConstantNumberOfStatements() throws Exception {
        int numero = fileRequest("O36");
        QueryCounting.reset();
        mvc.perform(get("/demandes/" + numero).with(as(chef))).andExpect(status().isOk());
        long small = QueryCounting.count();
        mvc.perform(get("/demandes").with(as(admin))).andExpect(status().isOk()); // the offers read once
        QueryCounting.reset();
        mvc.perform(get("/demandes").with(as(admin))).andExpect(status().isOk());
        long smallList = QueryCounting.count();
        for (int i = 0; i < 6; i++) {
            mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                            .param("message", "message " + i)
                            .file(new MockMultipartFile(
                                    "fichiers", "f" + i + ".txt", "text/plain", ("texte " + i).getBytes()))
                            .with(csrf())
                            .with(as(i % 2 == 0 ? member : chef)))
                    .andExpect(flash().attribute("success", "Votre message a été envoyé."));
            fileRequest("O69");
        }
        QueryCounting.reset();
        mvc.perform(get("/demandes/" + numero).with(as(chef))).andExpect(status().isOk());
        assertThat(QueryCounting.count())
                .as(QueryCounting.statements().toString())
                .isEqualTo(small);
        QueryCounting.reset();
        mvc.perform(get("/demandes").with(as(admin))).andExpect(status().isOk());
        assertThat(QueryCounting.count())
                .as("4 for the list (counts per status, rows, the names of the rows' collectivities and referents, of"
                        + " their chefs de file: one per module asked; the offers of the filter are read again only when"
                        + " the catalogue's version changed), 1 for the « nouveautés » of the page's rows (whatever their"
                        + " number), 1 for the envelope's unread count " + QueryCounting.statements())
                .isEqualTo(smallList)
                .isEqualTo(6);
    }

    // --- internal notes and handover (issue 11) ---------------------------------------------------

    private String page(int numero, CurrentUser viewer) throws Exception {
        return mvc.perform(get("/demandes/" + numero).with(as(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String memberExport() throws Exception {
        return mvc.perform(get("/demandes/export.csv").with(as(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long storageUsed() {
        return jdbc.sql("SELECT coalesce(max(bytes), 0) FROM collectivity_storage_use WHERE collectivity_id = ?")
                .param(commune.id())
                .query(Long.class)
                .single();
    }

    @Test
    void internalNotesAndTheirFilesNeverReachTheCollectivity() throws Exception {
        int numero = fileRequest("O36");
        String exportBefore = memberExport();
        long storageBefore = storageUsed();
        mvc.perform(multipart("/demandes/" + numero + "/notes")
                        .file(new MockMultipartFile(
                                "fichiers", "memo-interne.txt", "text/plain", "à rappeler".getBytes()))
                        .param("note", "Budget serré : voir avec la DGS avant d'accepter.")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(redirectedUrl("/demandes/" + numero + "#notes"))
                .andExpect(flash().attribute(
                                "success", "Votre note interne a été enregistrée : seule l'équipe d'ID77 la voit."));
        long noteFile = jdbc.sql("SELECT id FROM request_attachment WHERE file_name = 'memo-interne.txt' AND internal "
                        + "AND request_id = (SELECT id FROM request WHERE numero = ?)")
                .param(numero)
                .query(Long.class)
                .single();
        long noteId = jdbc.sql("SELECT id FROM request_comment WHERE internal AND request_id = "
                        + "(SELECT id FROM request WHERE numero = ?)")
                .param(numero)
                .query(Long.class)
                .single();

        // « nouveautés »: the note is news to staff, never to the collectivity
        mvc.perform(get("/demandes").param("numero", "" + numero).with(as(member)))
                .andExpect(content().string(not(containsString("nouveauté"))));
        mvc.perform(get("/demandes").param("numero", "" + numero).with(as(admin)))
                .andExpect(content().string(containsString("1 nouveauté<")));

        // staff who see the request read it, with its file, labelled in words
        assertThat(page(numero, chef))
                .contains("Notes internes (<span>1</span>)", "Note interne", "Budget serré", "memo-interne.txt")
                .contains("Fichiers (<span>1</span>)");
        assertThat(page(numero, admin)).contains("Budget serré", "memo-interne.txt");
        mvc.perform(get("/demandes/" + numero + "/fichiers/" + noteFile).with(as(admin)))
                .andExpect(status().isOk());
        mvc.perform(get("/demandes/" + numero).with(as(otherChef))).andExpect(status().isNotFound());
        mvc.perform(get("/demandes/" + numero + "/fichiers/" + noteFile).with(as(otherChef)))
                .andExpect(status().isNotFound());

        // the collectivity: not on its page, its print view, its file list, its history, its export, its space
        for (String url : List.of("/demandes/" + numero, "/demandes/" + numero + "/impression")) {
            assertThat(mvc.perform(get(url).with(as(member)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8))
                    .as(url)
                    .doesNotContain("Budget serré", "memo-interne.txt", "Note interne", "Notes internes", "/notes")
                    .contains("Commentaires (<span>1</span>)", "Fichiers (<span>1</span>)");
        }
        mvc.perform(get("/demandes/" + numero + "/fichiers/" + noteFile).with(as(member)))
                .andExpect(status().isNotFound());
        assertThat(memberExport()).isEqualTo(exportBefore);
        assertThat(storageUsed()).isEqualTo(storageBefore);
        assertThat(views.view(numero, RequestPages.actor(member)).history())
                .extracting(RequestViews.HistoryLine::kind)
                .containsExactly("CREATED");

        // forged forms: a member writes no note, and answers none
        mvc.perform(post("/demandes/" + numero + "/notes")
                        .param("note", "Je me fais passer pour ID77")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute(
                                "error", "Vous n'avez pas le droit de faire cette action sur cette demande."));
        mvc.perform(post("/demandes/" + numero + "/commentaires")
                        .param("message", "Je réponds à la note")
                        .param("repondA", "" + noteId)
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("error", RequestConversation.REPLY_UNKNOWN));
        mvc.perform(post("/demandes/" + numero + "/notes")
                        .param("note", "intrus")
                        .with(csrf())
                        .with(as(otherChef)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM request_comment WHERE request_id = (SELECT id FROM request "
                                + "WHERE numero = ?)")
                        .param(numero)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aRefusedNoteComesBackBesideItsFieldWithWhatWasTyped() throws Exception {
        int numero = fileRequest("O36");
        mvc.perform(post("/demandes/" + numero + "/notes")
                        .param("note", "   ")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(redirectedUrl("/demandes/" + numero + "#notes"))
                .andExpect(flash().attribute("noteField", "note"))
                .andExpect(flash().attribute("noteError", "Écrivez la note avant de l'enregistrer."));
        byte[] exe = {'M', 'Z', 0, 0, 0, 0, 0, 0, 0, 0};
        mvc.perform(multipart("/demandes/" + numero + "/notes")
                        .file(new MockMultipartFile("fichiers", "outil.pdf", "application/pdf", exe))
                        .param("note", "Ma note tapée avec soin")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("noteField", "fichiers"))
                .andExpect(flash().attribute("noteDraft", "Ma note tapée avec soin"))
                .andExpect(flash().attribute("noteError", containsString("« outil.pdf » n'est pas d'un type accepté")));

        assertThat(jdbc.sql("SELECT count(*) FROM request_comment WHERE internal AND request_id = "
                                + "(SELECT id FROM request WHERE numero = ?)")
                        .param(numero)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private org.springframework.test.web.servlet.ResultActions handOver(int numero, String agent, String reason)
            throws Exception {
        return mvc.perform(post("/demandes/" + numero + "/transfert")
                .param("agent", agent)
                .param("motifTransfert", reason)
                .param("version", "" + version(numero))
                .with(csrf())
                .with(as(chef)));
    }

    private Long responsable(int numero) {
        return jdbc.sql("SELECT responsable_id FROM request WHERE numero = ?")
                .param(numero)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aRequestIsHandedToActiveStaffOnlyForAReasonThatOnlyStaffRead() throws Exception {
        int numero = fileRequest("O36");
        CurrentUser gone = new Fixtures(jdbc).chefDeFile("Gaston");
        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE id = ?")
                .param(gone.id())
                .update();
        String agentRefused = "Choisissez l'agent parmi les agents actifs d'ID77.";
        for (String forged : List.of("", "abc", "" + member.id(), "" + gone.id(), "999999999")) {
            handOver(numero, forged, "Congés")
                    .andExpect(flash().attribute("handoverField", "agent"))
                    .andExpect(flash().attribute("handoverError", agentRefused));
        }
        mvc.perform(post("/demandes/" + numero + "/transfert")
                        .param("agent", "" + otherChef.id())
                        .param("motifTransfert", " ")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("handoverField", "motifTransfert"))
                .andExpect(flash().attribute(
                                "handoverError", "Indiquez le motif : il restera dans l'historique de la demande."));
        assertThat(responsable(numero)).isNull();

        // neither a chef de file of another offer nor a member hands it over, even to a real agent
        mvc.perform(post("/demandes/" + numero + "/transfert")
                        .param("agent", "" + otherChef.id())
                        .param("motifTransfert", "Je me l'attribue")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(otherChef)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/demandes/" + numero + "/transfert")
                        .param("agent", "" + otherChef.id())
                        .param("motifTransfert", "Plus vite")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute(
                                "error", "Vous n'avez pas le droit de faire cette action sur cette demande."));
        assertThat(responsable(numero)).isNull();
        handOver(numero, "" + otherChef.id(), "Paul part en congé")
                .andExpect(flash().attribute("success", "La demande a été confiée à Lucie Test."));
        assertThat(responsable(numero)).isEqualTo(otherChef.id());
        assertThat(page(numero, otherChef)).contains("Accepter la demande", "Demande confiée à Lucie Test");
        assertThat(page(numero, chef)).contains("Motif : Paul part en congé");
        assertThat(page(numero, member))
                .contains("Demande confiée à Lucie Test", "Lucie Test")
                .doesNotContain("Paul part en congé", "Confier la demande");
        mvc.perform(get("/tableau-de-bord").with(as(otherChef)))
                .andExpect(content().string(containsString("/demandes/" + numero + "\"")));
        handOver(numero, "" + otherChef.id(), "Encore")
                .andExpect(flash().attribute(
                                "handoverError", "La demande est déjà confiée à cet agent : choisissez-en un autre."));
    }

    @Test
    void anAdminHandsEveryOpenRequestOfAPersonWhoLeavesInOneGo() throws Exception {
        int first = fileRequest("O36");
        int second = fileRequest("O69");
        int closed = fileRequest("O36");
        for (String to : List.of("EN_COURS", "TERMINEE")) {
            mvc.perform(post("/demandes/" + closed + "/statut")
                    .param("statut", to)
                    .param("version", "" + version(closed))
                    .with(csrf())
                    .with(as(chef)));
        }
        String url = "/admin/comptes/" + chef.id() + "/demandes";
        mvc.perform(get(url).with(as(chef))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/comptes/" + member.id() + "/demandes").with(as(admin)))
                .andExpect(status().isNotFound());
        long open = jdbc.sql("SELECT count(*) FROM request r JOIN offer o ON o.id = r.offer_id WHERE r.status IN "
                        + "('EN_ATTENTE', 'EN_COURS', 'COMPLEMENTS') AND (r.responsable_id = :c OR (r.responsable_id IS NULL AND "
                        + "o.chef_de_file_id = :c))")
                .param("c", chef.id())
                .query(Long.class)
                .single();
        assertThat(open).as("the tests before left requests on his offers").isGreaterThanOrEqualTo(2);
        mvc.perform(get(url).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confier ses " + open + " demandes ouvertes")))
                .andExpect(content().string(containsString("N°" + first)))
                .andExpect(content().string(not(containsString("N°" + closed + "<"))));
        mvc.perform(post(url)
                        .param("agent", "" + chef.id())
                        .param("motifTransfert", "Départ")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(
                        flash().attribute("handoverError", "Choisissez un autre agent que la personne qui s'en va."));
        mvc.perform(post(url)
                        .param("agent", "" + otherChef.id())
                        .param("motifTransfert", "")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("handoverField", "motifTransfert"));
        mvc.perform(post(url)
                        .param("agent", "" + member.id())
                        .param("motifTransfert", "Départ")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("handoverField", "agent"));
        assertThat(responsable(first)).isNull();
        assertThat(responsable(second)).isNull();

        mvc.perform(post(url)
                        .param("agent", "" + otherChef.id())
                        .param("motifTransfert", "Départ de Paul le 31 mars")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("success", open + " demandes confiées à Lucie Test."));
        assertThat(responsable(first)).isEqualTo(otherChef.id());
        assertThat(responsable(second)).isEqualTo(otherChef.id());
        assertThat(responsable(closed)).isNull();
        assertThat(page(first, otherChef)).contains("Motif : Départ de Paul le 31 mars");
        mvc.perform(get(url).with(as(admin))).andExpect(content().string(containsString("Aucune demande ouverte")));
        mvc.perform(get("/admin/comptes").param("q", chef.identifiant()).with(as(admin)))
                .andExpect(content().string(containsString("href=\"" + url + "\"")));
    }
}
