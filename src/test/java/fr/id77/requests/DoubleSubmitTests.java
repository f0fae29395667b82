package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A request or a comment posted twice with the same form (double click, back button, slow line) exists once. */
@SpringBootTest
@AutoConfigureMockMvc
class DoubleSubmitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Collectivity commune;
    CurrentUser member;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune du Double Clic", "Melun");
        member = f.adherent(commune, "Denis");
        f.lead("O36", f.chefDeFile("Diane"));
    }

    long requestsOfCommune() {
        return jdbc.sql("SELECT count(*) FROM request WHERE collectivity_id = :c")
                .param("c", commune.id())
                .query(Long.class)
                .single();
    }

    String fileRequest(String token) throws Exception {
        return mvc.perform(multipart("/demandes")
                        .file(new MockMultipartFile(
                                "fichiers", "plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes()))
                        .param("offre", "O36")
                        .param("referent", String.valueOf(commune.referentId()))
                        .param("message", "Bonjour.")
                        .param("envoi", token)
                        .with(csrf())
                        .with(as(member)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void theSameRequestFormPostedTwiceFilesOneRequestAndBothPostsLeadToIt() throws Exception {
        String page = mvc.perform(get("/demandes/nouvelle")
                        .param("offre", "O36")
                        .param("nouvelle", "1")
                        .with(as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("name=\"envoi\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("the form carries its one-time token").isTrue();
        String token = m.group(1);

        String first = fileRequest(token);
        String second = fileRequest(token);

        assertThat(second).isEqualTo(first);
        assertThat(requestsOfCommune()).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.collectivity_id = :c")
                        .param("c", commune.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        fileRequest(UUID.randomUUID().toString()); // another form: another request
        assertThat(requestsOfCommune()).isEqualTo(2);
    }

    @Test
    void theSameRequestFormPostedFourTimesAtOnceFilesOneRequest() throws Exception {
        String token = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit((Callable<String>) () -> fileRequest(token)));
            }
            List<String> targets = new ArrayList<>();
            for (Future<String> post : posts) {
                targets.add(post.get());
            }
            assertThat(targets).containsOnly(targets.getFirst());
        } finally {
            pool.shutdown();
        }
        assertThat(requestsOfCommune()).isEqualTo(1);
    }

    @Test
    void theSameCommentFormPostedTwiceAddsOneComment() throws Exception {
        int numero = Integer.parseInt(fileRequest(UUID.randomUUID().toString()).replace("/demandes/", ""));
        String page = mvc.perform(get("/demandes/" + numero).with(as(member)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("name=\"envoi\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("the comment form carries its one-time token").isTrue();
        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(post("/demandes/" + numero + "/commentaires")
                            .param("message", "Merci !")
                            .param("envoi", m.group(1))
                            .with(csrf())
                            .with(as(member)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(result.getFlashMap().get("success")).isEqualTo("Votre message a été envoyé.");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM request_comment c JOIN request r ON r.id = c.request_id "
                                + "WHERE r.numero = :n AND c.body = 'Merci !'")
                        .param("n", numero)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
