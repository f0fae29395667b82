package fr.id77.requests;

import static fr.id77.account.TestUsers.as;
import static fr.id77.requests.AuthorizationMatrixTests.Outcome.DONE;
import static fr.id77.requests.AuthorizationMatrixTests.Outcome.HIDDEN;
import static fr.id77.requests.AuthorizationMatrixTests.Outcome.REFUSED;
import static fr.id77.requests.AuthorizationMatrixTests.Outcome.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.id77.account.CurrentUser;
import fr.id77.support.Fixtures;
import fr.id77.support.RequestRows;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what on a request, through the real security and HTTP: every role × every request route, the answer,
 * and for every refusal that nothing was written.
 *
 * <p>The scene: collectivity A filed two requests on an offer led by « the former lead ». The open one got a
 * responsable; the other was completed. Then an admin gave the offer to « the lead »: the open request followed
 * it, the completed one still names the former lead, who may read it but no longer process it. The responsable
 * wrote an internal note with a file on the open request: staff read it, the collectivity never.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    enum Who {
        VISITOR,
        MEMBER_A,
        MEMBER_B,
        LEAD,
        FORMER_LEAD,
        RESPONSABLE,
        ADMIN
    }

    enum Outcome {
        /** 2xx, or the action's redirect with its success message (for the list: the request is listed). */
        DONE,
        /** The request is seen, the action refused with a French message, nothing written. */
        REFUSED,
        /** 404, exactly like a request that does not exist (for the list: not listed). */
        HIDDEN,
        /** A visitor is sent to the sign-in page. */
        SIGN_IN
    }

    enum Route {
        VIEW,
        LIST,
        DOWNLOAD,
        CHANGE_REFERENT,
        CHANGE_RESPONSABLE,
        ACCEPT,
        COMMENT,
        UPLOAD,
        CANCEL,
        /** posting collectivity B's referent */
        FOREIGN_REFERENT,
        /** posting a member of collectivity A as responsable */
        MEMBER_AS_RESPONSABLE,
        /** on the completed request, which names the former lead */
        REOPEN_COMPLETED,
        COMMENT_COMPLETED,
        /** an internal note (a member's is a forged form) */
        WRITE_NOTE,
        /** the file of the responsable's internal note, by its id */
        NOTE_FILE,
        /** handing the open request to another agent */
        HAND_OVER,
        /** posting a member of collectivity A as the agent who receives the request */
        HAND_OVER_TO_MEMBER,
        HAND_OVER_COMPLETED
    }

    private static Arguments[] row(Route route, Outcome... byWho) {
        assertThat(byWho).hasSameSizeAs(Who.values());
        return Arrays.stream(Who.values())
                .map(w -> Arguments.of(route, w, byWho[w.ordinal()]))
                .toArray(Arguments[]::new);
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                        //                               VISITOR  MEMBER_A MEMBER_B LEAD     FORMER   RESPONS. ADMIN
                        row(Route.VIEW, SIGN_IN, DONE, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.LIST, SIGN_IN, DONE, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.DOWNLOAD, SIGN_IN, DONE, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.CHANGE_REFERENT, SIGN_IN, DONE, HIDDEN, REFUSED, HIDDEN, REFUSED, DONE),
                        row(Route.CHANGE_RESPONSABLE, SIGN_IN, REFUSED, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.FOREIGN_REFERENT, SIGN_IN, REFUSED, HIDDEN, REFUSED, HIDDEN, REFUSED, REFUSED),
                        row(Route.MEMBER_AS_RESPONSABLE, SIGN_IN, REFUSED, HIDDEN, REFUSED, HIDDEN, REFUSED, REFUSED),
                        row(Route.ACCEPT, SIGN_IN, REFUSED, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.COMMENT, SIGN_IN, DONE, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.UPLOAD, SIGN_IN, DONE, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.CANCEL, SIGN_IN, DONE, HIDDEN, REFUSED, HIDDEN, REFUSED, REFUSED),
                        row(Route.REOPEN_COMPLETED, SIGN_IN, REFUSED, HIDDEN, DONE, REFUSED, HIDDEN, DONE),
                        row(Route.COMMENT_COMPLETED, SIGN_IN, DONE, HIDDEN, DONE, REFUSED, HIDDEN, DONE),
                        row(Route.WRITE_NOTE, SIGN_IN, REFUSED, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.NOTE_FILE, SIGN_IN, HIDDEN, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.HAND_OVER, SIGN_IN, REFUSED, HIDDEN, DONE, HIDDEN, DONE, DONE),
                        row(Route.HAND_OVER_TO_MEMBER, SIGN_IN, REFUSED, HIDDEN, REFUSED, HIDDEN, REFUSED, REFUSED),
                        row(Route.HAND_OVER_COMPLETED, SIGN_IN, REFUSED, HIDDEN, REFUSED, REFUSED, HIDDEN, REFUSED))
                .flatMap(Arrays::stream);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    Map<Who, CurrentUser> people;
    Fixtures.Collectivity communeA;
    Fixtures.Collectivity communeB;
    CurrentUser anotherAgent;
    int open;
    int completed;
    long fileId;
    long noteFileId;

    @BeforeEach
    void scene() throws Exception {
        Fixtures f = new Fixtures(jdbc);
        communeA = f.collectivity("Commune de Matrice", "Melun");
        CurrentUser memberA = f.adherent(communeA, "Anne");
        communeB = f.collectivity("Commune d'à côté", "Provins");
        CurrentUser memberB = f.adherent(communeB, "Bruno");
        CurrentUser lead = f.chefDeFile("Lucie");
        CurrentUser formerLead = f.chefDeFile("Paul");
        CurrentUser responsable = f.chefDeFile("Rémi");
        CurrentUser admin = f.admin("Claire");
        anotherAgent = f.chefDeFile("Nora");
        people = new EnumMap<>(Map.of(
                Who.MEMBER_A,
                memberA,
                Who.MEMBER_B,
                memberB,
                Who.LEAD,
                lead,
                Who.FORMER_LEAD,
                formerLead,
                Who.RESPONSABLE,
                responsable,
                Who.ADMIN,
                admin));

        long offerId = f.lead("O36", formerLead);
        Actor anne = RequestPages.actor(memberA);
        Actor paul = RequestPages.actor(formerLead);
        byte[] pdf = "%PDF-1.4 plan".getBytes();
        open = workflow.file(
                anne,
                offerId,
                formerLead.id(),
                communeA.referentId(),
                "Bonjour",
                List.of(new IncomingFile("plan.pdf", pdf.length, new ByteArrayResource(pdf))));
        workflow.assignResponsable(open, responsable.id(), version(open), paul);
        completed = workflow.file(anne, offerId, formerLead.id(), communeA.referentId());
        workflow.changeStatus(completed, RequestStatus.EN_COURS, null, version(completed), paul);
        workflow.changeStatus(completed, RequestStatus.TERMINEE, "Rapport remis", version(completed), paul);
        fileId = jdbc.sql(
                        "SELECT a.id FROM request_attachment a JOIN request r ON r.id = a.request_id WHERE r.numero = ?")
                .param(open)
                .query(Long.class)
                .single();

        byte[] memo = "Rappeler le maire avant jeudi".getBytes();
        conversation.note(
                open,
                "Budget serré : voir le devis joint",
                List.of(new IncomingFile("devis-interne.txt", memo.length, new ByteArrayResource(memo))),
                RequestPages.actor(responsable),
                null);
        noteFileId = jdbc.sql("SELECT id FROM request_attachment WHERE internal AND file_name = 'devis-interne.txt' "
                        + "AND request_id = (SELECT id FROM request WHERE numero = ?)")
                .param(open)
                .query(Long.class)
                .single();

        // the offer changes hands the way admins do it
        mvc.perform(post("/admin/offres/chef-de-file")
                .param("offres", "" + offerId)
                .param("chefDeFile", "" + lead.id())
                .with(csrf())
                .with(as(admin)));
        assertThat(jdbc.sql("SELECT chef_de_file_id FROM request WHERE numero = ?")
                        .param(open)
                        .query(Long.class)
                        .single())
                .isEqualTo(lead.id());
        assertThat(jdbc.sql("SELECT chef_de_file_id FROM request WHERE numero = ?")
                        .param(completed)
                        .query(Long.class)
                        .single())
                .isEqualTo(formerLead.id());
    }

    @ParameterizedTest(name = "{1} × {0} → {2}")
    @MethodSource("matrix")
    void everyRoleOnEveryRoute(Route route, Who who, Outcome expected) throws Exception {
        String before = writtenState();
        AbstractMockHttpServletRequestBuilder<?> request = request(route);
        if (who != Who.VISITOR) {
            request.with(as(people.get(who)));
        }
        MvcResult result = mvc.perform(request).andReturn();

        assertThat(outcome(route, result)).as("%s by %s", route, who).isEqualTo(expected);
        if (expected == DONE && isWrite(route)) {
            assertThat(writtenState())
                    .as("%s by %s changed the request", route, who)
                    .isNotEqualTo(before);
        } else {
            assertThat(writtenState()).as("%s by %s wrote nothing", route, who).isEqualTo(before);
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Route route) {
        String page = "/demandes/" + open;
        String done = "/demandes/" + completed;
        return switch (route) {
            case VIEW -> get(page);
            case LIST -> get("/demandes").param("numero", "" + open);
            case DOWNLOAD -> get(page + "/fichiers/" + fileId);
            case CHANGE_REFERENT ->
                action(page + "/referent", open).param("referent", "" + communeA.secondReferentId());
            case CHANGE_RESPONSABLE -> action(page + "/responsable", open).param("responsable", "" + anotherAgent.id());
            case FOREIGN_REFERENT -> action(page + "/referent", open).param("referent", "" + communeB.referentId());
            case MEMBER_AS_RESPONSABLE ->
                action(page + "/responsable", open)
                        .param("responsable", "" + people.get(Who.MEMBER_A).id());
            case ACCEPT -> action(page + "/statut", open).param("statut", "EN_COURS");
            case COMMENT -> action(page + "/commentaires", open).param("message", "Bonjour");
            case UPLOAD ->
                multipart(page + "/fichiers")
                        .file(new MockMultipartFile("fichiers", "note.txt", "text/plain", "note".getBytes()))
                        .param("version", "" + version(open))
                        .with(csrf());
            case CANCEL -> action(page + "/statut", open).param("statut", "ANNULEE");
            case REOPEN_COMPLETED ->
                action(done + "/statut", completed).param("statut", "EN_COURS").param("motif", "Compléments");
            case COMMENT_COMPLETED -> action(done + "/commentaires", completed).param("message", "Encore moi");
            case WRITE_NOTE -> action(page + "/notes", open).param("note", "Vu avec le service juridique");
            case NOTE_FILE -> get(page + "/fichiers/" + noteFileId);
            case HAND_OVER -> handOver(page, open).param("agent", "" + anotherAgent.id());
            case HAND_OVER_TO_MEMBER ->
                handOver(page, open)
                        .param("agent", "" + people.get(Who.MEMBER_A).id());
            case HAND_OVER_COMPLETED -> handOver(done, completed).param("agent", "" + anotherAgent.id());
        };
    }

    private MockHttpServletRequestBuilder handOver(String page, int numero) {
        return action(page + "/transfert", numero).param("motifTransfert", "Congé de l'agent");
    }

    private MockHttpServletRequestBuilder action(String url, int numero) {
        return post(url).param("version", "" + version(numero)).with(csrf());
    }

    private static boolean isWrite(Route route) {
        return route != Route.VIEW && route != Route.LIST && route != Route.DOWNLOAD && route != Route.NOTE_FILE;
    }

    private Outcome outcome(Route route, MvcResult result) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        String redirect = response.getRedirectedUrl();
        if (redirect != null && redirect.endsWith("/connexion")) {
            return SIGN_IN;
        }
        if (response.getStatus() == 404) {
            return HIDDEN;
        }
        if (route == Route.LIST) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.getContentAsString().contains(">" + open + "</a>") ? DONE : HIDDEN;
        }
        if (!isWrite(route)) {
            assertThat(response.getStatus()).isEqualTo(200);
            return DONE;
        }
        assertThat(redirect).as("an action answers with the request's page").startsWith("/demandes/");
        Object success = result.getFlashMap().get("success");
        Object error = Stream.of("error", "noteError", "handoverError") // refused above the page or beside the field
                .map(result.getFlashMap()::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        assertThat(success == null ^ error == null)
                .as("exactly one message: %s / %s", success, error)
                .isTrue();
        return success != null ? DONE : REFUSED;
    }

    /** Everything the routes could write about the two requests, as one comparable string. */
    private String writtenState() {
        return jdbc.sql("SELECT string_agg(r.numero || ':' || r.status || ':' || coalesce(r.referent_id, 0) || ':' "
                        + "|| coalesce(r.responsable_id, 0) || ':' || r.version || ':' "
                        + "|| (SELECT count(*) FROM request_event e WHERE e.request_id = r.id) || ':' "
                        + "|| (SELECT count(*) FROM request_comment c WHERE c.request_id = r.id) || ':' "
                        + "|| (SELECT count(*) FROM request_attachment a WHERE a.request_id = r.id), ' ' ORDER BY r.numero) "
                        + "FROM request r WHERE r.numero IN (?, ?)")
                .params(open, completed)
                .query(String.class)
                .single();
    }

    private long version(int numero) {
        return RequestRows.version(jdbc, numero);
    }
}
