package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
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
import fr.id77.support.RequestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Ids posted on a request must name objects the request may hold: a referent of its own collectivity, active ID77
 * staff as responsable; processing belongs to the offer's chef de file today; a suspended collectivity's members
 * no longer act. Each refusal is a French message, with nothing written and nothing learnt about foreign ids.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestObjectRulesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestViews views;

    Fixtures f;
    Fixtures.Collectivity commune;
    Fixtures.Collectivity elsewhere;
    CurrentUser member;
    CurrentUser chef;
    CurrentUser otherChef;
    CurrentUser admin;
    long offerId;

    @BeforeEach
    void people() {
        f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Confiance", "Melun");
        elsewhere = f.collectivity("Commune Voisine", "Provins");
        member = f.adherent(commune, "Anne");
        chef = f.chefDeFile("Paul");
        otherChef = f.chefDeFile("Lucie");
        admin = f.admin("Claire");
        offerId = f.lead("O36", chef);
    }

    private int file() {
        return workflow.file(RequestPages.actor(member), offerId, chef.id(), commune.referentId());
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }

    private Long column(String column, int numero) {
        return jdbc.sql("SELECT " + column + " FROM request WHERE numero = ?")
                .param(numero)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private void postReferent(int numero, long referentId, String flashKey, String message) throws Exception {
        mvc.perform(post("/demandes/" + numero + "/referent")
                        .param("referent", "" + referentId)
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(redirectedUrl("/demandes/" + numero))
                .andExpect(flash().attribute(flashKey, message));
    }

    @Test
    void aRequestNamesOnlyAnActiveReferentOfItsOwnCollectivity() throws Exception {
        int numero = file();
        long foreign = f.referent(elsewhere.id(), "Zoé Étrangère", "Urbanisme");
        long removed = f.referent(commune.id(), "Ancien Référent", "Voirie");
        jdbc.sql("UPDATE technical_referent SET removed_at = now() WHERE id = ?")
                .param(removed)
                .update();
        long events = count(
                "SELECT count(*) FROM request_event e JOIN request r ON r.id = e.request_id WHERE r.numero = ?",
                numero);

        // another collectivity's referent, an id that exists nowhere, a referent removed since: one answer for all
        for (long refused : new long[] {foreign, 987_654_321L, removed}) {
            postReferent(numero, refused, "error", RequestParticipants.REFERENT_REFUSED);
            assertThat(column("referent_id", numero)).isEqualTo(commune.referentId());
        }
        assertThat(count(
                        "SELECT count(*) FROM request_event e JOIN request r ON r.id = e.request_id WHERE r.numero = ?",
                        numero))
                .isEqualTo(events);
        mvc.perform(get("/demandes").with(as(member)))
                .andExpect(content().string(not(containsString("Zoé Étrangère"))));

        postReferent(
                numero, commune.secondReferentId(), "success", "Le référent technique de la demande a été modifié.");
        assertThat(column("referent_id", numero)).isEqualTo(commune.secondReferentId());
        mvc.perform(get("/demandes").with(as(member))).andExpect(content().string(containsString("Jean Test")));

        // « Aucun référent technique » (an empty choice) is accepted too, and the page offers it
        mvc.perform(get("/demandes/" + numero).with(as(member)))
                .andExpect(content().string(containsString("<option value=\"\">Aucun référent technique</option>")));
        mvc.perform(post("/demandes/" + numero + "/referent")
                        .param("referent", "")
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(redirectedUrl("/demandes/" + numero));
        assertThat(column("referent_id", numero)).isNull();
        postReferent(
                numero, commune.secondReferentId(), "success", "Le référent technique de la demande a été modifié.");

        // filing uses the same rule: a foreign referent is refused next to the field, nothing is created
        long requests = count("SELECT count(*) FROM request");
        mvc.perform(multipart("/demandes")
                        .param("offre", "O36")
                        .param("referent", "" + elsewhere.referentId())
                        .param("message", "Bonjour")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choisissez le référent technique qui suivra la demande.")));
        assertThatThrownBy(() -> workflow.file(RequestPages.actor(member), offerId, chef.id(), elsewhere.referentId()))
                .hasMessage(RequestParticipants.REFERENT_REFUSED);
        assertThat(count("SELECT count(*) FROM request")).isEqualTo(requests);

        // and the database holds it whatever the code does
        assertThatThrownBy(() -> jdbc.sql("UPDATE request SET referent_id = ? WHERE numero = ?")
                        .params(elsewhere.referentId(), numero)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void onlyActiveId77StaffCanBeNamedResponsableAndNobodyElseIsToldOfIt() throws Exception {
        int numero = file();
        CurrentUser gone = f.chefDeFile("Gaston");
        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE id = ?")
                .param(gone.id())
                .update();
        CurrentUser colleague = f.adherent(commune, "Bruno");
        long notificationsOfMembers =
                count("SELECT count(*) FROM notification WHERE user_id IN (?, ?)", member.id(), colleague.id());
        long mailsOfMembers = count(
                "SELECT count(*) FROM mail_outbox WHERE recipient IN (?, ?)",
                member.identifiant() + "@test.example",
                colleague.identifiant() + "@test.example");

        for (long refused : new long[] {colleague.id(), member.id(), gone.id(), 987_654_321L}) {
            mvc.perform(post("/demandes/" + numero + "/responsable")
                            .param("responsable", "" + refused)
                            .param("version", "" + version(numero))
                            .with(csrf())
                            .with(as(chef)))
                    .andExpect(redirectedUrl("/demandes/" + numero))
                    .andExpect(flash().attribute(
                                    "error", "Choisissez le responsable de la demande parmi les agents d'ID77."));
            assertThat(column("responsable_id", numero)).isNull();
        }
        assertThat(count("SELECT count(*) FROM notification WHERE user_id IN (?, ?)", member.id(), colleague.id()))
                .isEqualTo(notificationsOfMembers);
        assertThat(count(
                        "SELECT count(*) FROM mail_outbox WHERE recipient IN (?, ?)",
                        member.identifiant() + "@test.example",
                        colleague.identifiant() + "@test.example"))
                .isEqualTo(mailsOfMembers);

        mvc.perform(post("/demandes/" + numero + "/responsable")
                        .param("responsable", "" + otherChef.id())
                        .param("version", "" + version(numero))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", containsString("responsable")));
        assertThat(column("responsable_id", numero)).isEqualTo(otherChef.id());
    }

    @Test
    void theChefDeFileWhoNoLongerLeadsTheOfferNoLongerProcessesItsRequests() throws Exception {
        int closed = file();
        Actor paul = RequestPages.actor(chef);
        workflow.changeStatus(closed, RequestStatus.EN_COURS, null, version(closed), paul);
        workflow.changeStatus(closed, RequestStatus.TERMINEE, "Rapport remis", version(closed), paul);
        mvc.perform(post("/admin/offres/chef-de-file")
                        .param("offres", "" + offerId)
                        .param("chefDeFile", "" + otherChef.id())
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(column("chef_de_file_id", closed))
                .as("a closed request still names who handled it")
                .isEqualTo(chef.id());

        // he still reads what he handled, but may neither reopen it nor write on it
        mvc.perform(get("/demandes/" + closed).with(as(chef)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Réouvrir la demande"))))
                .andExpect(content().string(not(containsString("id=\"commenter\""))));
        mvc.perform(post("/demandes/" + closed + "/statut")
                        .param("statut", "EN_COURS")
                        .param("motif", "Je reprends")
                        .param("version", "" + version(closed))
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("error", containsString("Impossible")));
        mvc.perform(post("/demandes/" + closed + "/commentaires")
                        .param("message", "Je reprends")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("error", containsString("pas le droit")));
        assertThat(views.view(closed, RequestPages.actor(admin)).status()).isEqualTo(RequestStatus.TERMINEE);

        // the offer's chef de file today may
        mvc.perform(post("/demandes/" + closed + "/statut")
                        .param("statut", "EN_COURS")
                        .param("motif", "Compléments")
                        .param("version", "" + version(closed))
                        .with(csrf())
                        .with(as(otherChef)))
                .andExpect(flash().attribute("success", containsString("En cours")));
        // and is the one told when the collectivity writes on it
        mvc.perform(multipart("/demandes/" + closed + "/commentaires")
                        .param("message", "Merci, voici les compléments.")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("success", containsString("envoyé")));
        assertThat(jdbc.sql("SELECT user_id FROM notification WHERE request_numero = ? AND event = 'COMMENTAIRE'")
                        .param(closed)
                        .query(Long.class)
                        .list())
                .containsExactly(otherChef.id());

        // even when a request still names him (the offer was handed over without moving it), he no longer processes it
        f.lead("O36", chef);
        int open = file();
        jdbc.sql("UPDATE offer SET chef_de_file_id = ? WHERE id = ?")
                .params(otherChef.id(), offerId)
                .update();
        assertThatThrownBy(() -> workflow.changeStatus(open, RequestStatus.EN_COURS, null, version(open), paul))
                .hasMessageContaining("Impossible");
        assertThat(views.view(open, RequestPages.actor(otherChef)).canProcess()).isTrue();
    }

    @Test
    void membersOfASuspendedCollectivityNoLongerFileCommentOrUpload() throws Exception {
        int numero = file();
        jdbc.sql("UPDATE collectivity SET status = 'SUSPENDED' WHERE id = ?")
                .param(commune.id())
                .update();
        long requests = count("SELECT count(*) FROM request");
        long comments = count(
                "SELECT count(*) FROM request_comment c JOIN request r ON r.id = c.request_id WHERE r.numero = ?",
                numero);
        long files = count(
                "SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.numero = ?",
                numero);

        mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                        .param("message", "Toujours là")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("error", RequestParticipants.COLLECTIVITY_INACTIVE));
        mvc.perform(multipart("/demandes/" + numero + "/fichiers")
                        .file(new MockMultipartFile("fichiers", "note.txt", "text/plain", "note".getBytes()))
                        .with(csrf())
                        .with(as(member)))
                .andExpect(flash().attribute("error", RequestParticipants.COLLECTIVITY_INACTIVE));
        mvc.perform(multipart("/demandes")
                        .param("offre", "O36")
                        .param("referent", "" + commune.referentId())
                        .param("nouvelle", "1")
                        .param("message", "Encore une")
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("L&#39;adhésion de votre collectivité n&#39;est pas active")));

        assertThat(count("SELECT count(*) FROM request")).isEqualTo(requests);
        assertThat(count(
                        "SELECT count(*) FROM request_comment c JOIN request r ON r.id = c.request_id WHERE r.numero = ?",
                        numero))
                .isEqualTo(comments);
        assertThat(count(
                        "SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.numero = ?",
                        numero))
                .isEqualTo(files);
        // ID77 may still write to the collectivity
        mvc.perform(multipart("/demandes/" + numero + "/commentaires")
                        .param("message", "Votre adhésion est suspendue.")
                        .with(csrf())
                        .with(as(chef)))
                .andExpect(flash().attribute("success", containsString("envoyé")));
    }
}
