package fr.id77.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.Offers;
import fr.id77.requests.Actor;
import fr.id77.requests.IncomingFile;
import fr.id77.requests.RequestConversation;
import fr.id77.requests.RequestHandover;
import fr.id77.requests.RequestStatus;
import fr.id77.requests.RequestViews;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.Fixtures;
import fr.id77.support.MailServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each event reaches exactly the right people on exactly the channels they kept, in the application
 * and by mail (GreenMail): never the actor, never twice, never an inactive account, and nothing at all
 * when the change itself does not happen.
 */
class NotificationRoutingTests extends MailServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestConversation conversation;

    @Autowired
    RequestViews views;

    @Autowired
    RequestHandover handover;

    @Autowired
    NotificationStore store;

    @Autowired
    Offers offers;

    @Autowired
    MockMvc mvc;

    Fixtures.Collectivity commune;
    CurrentUser anne;
    CurrentUser bruno;
    CurrentUser elsewhere;
    CurrentUser chef;
    CurrentUser resp;
    CurrentUser outsider;
    CurrentUser admin;
    List<CurrentUser> everyone;
    long offerId;

    @BeforeEach
    void people() {
        Fixtures f = new Fixtures(jdbc);
        commune = f.collectivity("Commune de Notifville", "Melun");
        anne = f.adherent(commune, "Anne");
        bruno = f.adherent(commune, "Bruno");
        elsewhere = f.adherent(f.collectivity("Commune d'Ailleurs", "Provins"), "Chloé");
        chef = f.chefDeFile("Paul");
        resp = f.chefDeFile("Rémi");
        outsider = f.chefDeFile("Olga");
        admin = f.admin("Claire");
        offerId = f.lead("O36", chef);
        everyone = List.of(anne, bruno, elsewhere, chef, resp, outsider, admin);
    }

    // --- the rules, event by event ---------------------------------------------------------------

    @Test
    void aNewRequestTellsTheChefDeFileOfTheOffer() {
        int n = file("Bonjour, la traversée du bourg est dangereuse.");
        assertTold(n, NotificationEvent.NOUVELLE_DEMANDE, "Nouvelle demande N°" + n, List.of(chef), List.of(chef));
        MimeMessage mail = onlyMail(chef, "Nouvelle demande N°" + n);
        assertThat(text(mail))
                .contains(
                        "Commune de Notifville",
                        "O36 – ",
                        "« Bonjour, la traversée du bourg est dangereuse. »",
                        "/demandes/" + n,
                        "/notifications/parametres");
        assertThat(html(mail)).contains("href=\"http://localhost:8080/demandes/" + n + "\"", "Voir la demande N°" + n);
    }

    @Test
    void acceptedRejectedCompletedReopenedAndDeletedTellTheCollectivityMembers() {
        int n = file(null);
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(chef.id()));
        assertTold(
                n,
                NotificationEvent.ACCEPTEE,
                "Demande N°" + n + " acceptée",
                List.of(anne, bruno),
                List.of(anne, bruno));
        assertThat(text(onlyMail(bruno, "Demande N°" + n + " acceptée")))
                .contains("Bonjour Bruno Test", "Paul Test a accepté la demande N°" + n + " (O36 – ", "« En cours »");

        move(n, RequestStatus.TERMINEE, "Le dossier a été remis en mairie.", Actor.chefDeFile(chef.id()));
        assertTold(
                n,
                NotificationEvent.TERMINEE,
                "Demande N°" + n + " terminée",
                List.of(anne, bruno),
                List.of(anne, bruno));
        assertThat(text(onlyMail(anne, "Demande N°" + n + " terminée")))
                .as("the collectivity is invited to rate the request, on its page")
                .contains(
                        "Note de clôture : Le dossier a été remis en mairie.",
                        "Donnez votre avis sur cette demande",
                        "/demandes/" + n + "#avis");

        move(n, RequestStatus.EN_COURS, "Une pièce manquait.", Actor.chefDeFile(chef.id()));
        assertThat(text(onlyMail(anne, "Demande N°" + n + " rouverte")))
                .contains("a rouvert", "Motif : Une pièce manquait.");
        assertThat(onlyMail(bruno, "Demande N°" + n + " rouverte")).isNotNull();

        // an admin acts: the chef de file of the offer is told too
        move(n, RequestStatus.REJETEE, "Hors du champ de l'offre.", Actor.admin(admin.id()));
        assertTold(
                n,
                NotificationEvent.REJETEE,
                "Demande N°" + n + " rejetée",
                List.of(anne, bruno, chef),
                List.of(anne, bruno, chef));

        move(n, RequestStatus.SUPPRIMEE, "Doublon.", Actor.admin(admin.id()));
        assertTold(
                n,
                NotificationEvent.SUPPRIMEE,
                "Demande N°" + n + " supprimée",
                List.of(anne, bruno, chef),
                List.of(anne, bruno, chef));
        assertThat(text(onlyMail(anne, "Demande N°" + n + " supprimée")))
                .contains("Claire Test a supprimé", "Motif : Doublon.");
    }

    @Test
    void theColleaguesOfTheMemberWhoFiledGetAReceiptUnlessTheyOptedOut() {
        int n = file("Bonjour, pour la traversée du bourg.");
        String title = "Demande N°" + n + " déposée par Anne Test (Commune de Notifville)";
        assertTold(n, NotificationEvent.DEPOT_COLLEGUE, title, List.of(bruno), List.of(bruno));
        assertThat(text(onlyMail(bruno, title)))
                .contains("au nom de Commune de Notifville", "O36 – ", "« Bonjour, pour la traversée du bourg. »");

        store.saveChoices(bruno.id(), List.of(NotificationEvent.DEPOT_COLLEGUE), Set.of());
        int m = file(null);
        assertTold(
                m,
                NotificationEvent.DEPOT_COLLEGUE,
                "Demande N°" + m + " déposée par Anne Test (Commune de Notifville)",
                List.of(),
                List.of());
        assertThat(NotificationEvent.shownTo(chef)).doesNotContain(NotificationEvent.DEPOT_COLLEGUE);
        assertThat(NotificationEvent.shownTo(bruno)).contains(NotificationEvent.DEPOT_COLLEGUE);
    }

    @Test
    void whatAnAdminOrTheResponsableDoesIsToldToTheChefDeFile() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        clearNotifications(n);
        conversation.comment(n, "Je reprends ce dossier avec Rémi.", null, Actor.admin(admin.id()));
        assertTold(
                n,
                NotificationEvent.COMMENTAIRE,
                "Nouveau commentaire sur la demande N°" + n,
                List.of(anne, bruno, chef, resp),
                List.of(anne, bruno, chef, resp));
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(resp.id()));
        assertTold(
                n,
                NotificationEvent.ACCEPTEE,
                "Demande N°" + n + " acceptée",
                List.of(anne, bruno, chef),
                List.of(anne, bruno, chef));
    }

    @Test
    void aTechnicalReferentTickedByHisCollectivityGetsTheMailsOfHisRequestsAndUnsubscribesWithoutAnAccount()
            throws Exception {
        String address = jdbc.sql("UPDATE technical_referent SET mail_opt_in = TRUE WHERE id = ? RETURNING email")
                .param(commune.referentId())
                .query(String.class)
                .single();
        int n = file(null);
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(chef.id()));
        conversation.comment(n, "Voici les comptages.", null, Actor.adherent(anne.id(), commune.id()));
        conversation.comment(n, "Merci, nous passons mardi.", null, Actor.chefDeFile(chef.id()));
        sendMails();
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails)
                .extracting(m -> subject(m))
                .as("the filing receipt, what ID77 did; not what his own collectivity wrote")
                .containsExactlyInAnyOrder(
                        "ID77 – Demande N°" + n + " déposée par Anne Test (Commune de Notifville)",
                        "ID77 – Demande N°" + n + " acceptée",
                        "ID77 – Nouveau commentaire sur la demande N°" + n);
        MimeMessage accepted = mails.stream()
                .filter(m -> subject(m).endsWith("acceptée"))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile("http://localhost:8080(/contacts/desabonnement/[0-9a-f-]{36})")
                .matcher(text(accepted));
        assertThat(link.find()).as("an unsubscribe link in " + text(accepted)).isTrue();

        // the link shows a page (no sign-in); its button unsubscribes
        String page = mvc.perform(get(link.group(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Ne plus recevoir ces e-mails");
        assertThat(optedIn(commune.referentId()))
                .as("opening the link changes nothing")
                .isTrue();
        mvc.perform(post(link.group(1)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("vous ne recevrez plus les e-mails")));
        assertThat(optedIn(commune.referentId())).isFalse();
        move(n, RequestStatus.TERMINEE, null, Actor.chefDeFile(chef.id()));
        sendMails();
        assertThat(mailsTo(address)).hasSize(3);

        mvc.perform(get("/contacts/desabonnement/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/contacts/desabonnement/pas-un-jeton")).andExpect(status().isNotFound());
    }

    @Test
    void aReferentNotTickedGetsNothing() {
        String address = jdbc.sql("SELECT email FROM technical_referent WHERE id = ?")
                .param(commune.referentId())
                .query(String.class)
                .single();
        int n = file(null);
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(chef.id()));
        sendMails();
        assertThat(mailsTo(address)).isEmpty();
    }

    private boolean optedIn(long referentId) {
        return jdbc.sql("SELECT mail_opt_in FROM technical_referent WHERE id = ?")
                .param(referentId)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aCancelledRequestTellsItsHandlersButNotTheColleagues() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        move(n, RequestStatus.ANNULEE, null, Actor.adherent(anne.id(), commune.id()));
        assertTold(
                n, NotificationEvent.ANNULEE, "Demande N°" + n + " annulée", List.of(chef, resp), List.of(chef, resp));
        assertThat(text(onlyMail(resp, "Demande N°" + n + " annulée")))
                .contains("Anne Test (Commune de Notifville) a annulé");
    }

    @Test
    void complementsAskedTellTheCollectivityAndTheirTransmissionTellsItsHandlersOnce() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        clearNotifications(n);
        move(n, RequestStatus.COMPLEMENTS, "Le plan des abords, s'il vous plaît.", Actor.chefDeFile(chef.id()));
        assertTold(
                n,
                NotificationEvent.COMPLEMENTS_DEMANDES,
                "Compléments demandés : demande N°" + n,
                List.of(anne, bruno, resp),
                List.of(anne, bruno, resp));
        assertThat(text(onlyMail(anne, "Compléments demandés : demande N°" + n)))
                .contains(
                        "Paul Test demande des compléments pour la demande N°" + n,
                        "Compléments attendus : Le plan des abords, s'il vous plaît.",
                        "/demandes/" + n + "#complements");

        conversation.transmitComplements(
                n, "Voici le plan.", List.of(upload("plan.pdf")), version(n), Actor.adherent(anne.id(), commune.id()));
        assertTold(
                n,
                NotificationEvent.COMPLEMENTS_TRANSMIS,
                "Compléments transmis : demande N°" + n,
                List.of(chef, resp),
                List.of(chef, resp));
        assertThat(text(onlyMail(resp, "Compléments transmis : demande N°" + n)))
                .contains(
                        "Anne Test (Commune de Notifville) a transmis les compléments demandés",
                        "de nouveau « En attente »",
                        "Réponse : Voici le plan. (1 fichier joint)");
        // one action, one notification: not also « nouveau commentaire » and « nouveau document »
        assertThat(inApp(n, NotificationEvent.COMMENTAIRE)).isEmpty();
        assertThat(inApp(n, NotificationEvent.DOCUMENT)).isEmpty();
    }

    @Test
    void commentsAndDocumentsGoToTheOtherSide() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        conversation.comment(n, "Pouvez-vous nous envoyer le plan ?", null, Actor.chefDeFile(chef.id()));
        assertTold(
                n,
                NotificationEvent.COMMENTAIRE,
                "Nouveau commentaire sur la demande N°" + n,
                List.of(anne, bruno, resp),
                List.of(anne, bruno, resp));
        assertThat(text(onlyMail(anne, "Nouveau commentaire sur la demande N°" + n)))
                .contains(
                        "Paul Test a écrit",
                        "« Pouvez-vous nous envoyer le plan ? »",
                        "/demandes/" + n + "#commentaires");

        clearNotifications(n);
        conversation.comment(
                n, "Voici le plan.", null, List.of(upload("plan.txt")), Actor.adherent(anne.id(), commune.id()));
        assertTold(
                n,
                NotificationEvent.COMMENTAIRE,
                "Nouveau commentaire sur la demande N°" + n,
                List.of(chef, resp),
                List.of(chef, resp));
        assertTold(
                n,
                NotificationEvent.DOCUMENT,
                "Nouveau document sur la demande N°" + n,
                List.of(chef, resp),
                List.of(chef, resp));

        clearNotifications(n);
        conversation.attach(n, List.of(upload("a.txt"), upload("b.txt")), Actor.chefDeFile(resp.id()));
        assertTold(
                n,
                NotificationEvent.DOCUMENT,
                "Nouveaux documents sur la demande N°" + n,
                List.of(anne, bruno, chef),
                List.of(anne, bruno, chef));
        assertThat(text(onlyMail(bruno, "Nouveaux documents sur la demande N°" + n)))
                .contains("Rémi Test a ajouté 2 fichiers");
    }

    @Test
    void contactChangesTellTheOtherSideAndTheNewResponsable() {
        int n = file(null);
        workflow.changeReferent(n, commune.secondReferentId(), version(n), Actor.adherent(anne.id(), commune.id()));
        assertTold(
                n,
                NotificationEvent.CONTACT_ADHERENT,
                "Contact adhérent modifié : demande N°" + n,
                List.of(chef),
                List.of(chef));
        assertThat(text(onlyMail(chef, "Contact adhérent modifié : demande N°" + n)))
                .contains("a désigné Jean Test (Direction générale) comme référent technique");

        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        sendMails();
        assertThat(text(onlyMail(anne, "Contact chef de file modifié : demande N°" + n)))
                .contains("Paul Test a désigné Rémi Test comme responsable");
        assertThat(onlyMail(bruno, "Contact chef de file modifié : demande N°" + n))
                .isNotNull();
        assertThat(text(onlyMail(resp, "Vous êtes responsable de la demande N°" + n)))
                .contains("Paul Test vous a désigné(e) responsable");
        assertThat(inApp(n, NotificationEvent.CONTACT_CHEF_DE_FILE))
                .containsExactlyInAnyOrder(anne.id(), bruno.id(), resp.id());
        for (CurrentUser nobody : List.of(chef, elsewhere, outsider, admin)) {
            assertThat(mailsAbout(nobody, n))
                    .as(nobody.firstName())
                    .noneMatch(m -> subject(m).contains("Contact chef de file")
                            || subject(m).contains("responsable"));
        }

        clearNotifications(n);
        workflow.changeReferent(n, commune.referentId(), version(n), Actor.adherent(bruno.id(), commune.id()));
        assertTold(
                n,
                NotificationEvent.CONTACT_ADHERENT,
                "Contact adhérent modifié : demande N°" + n,
                List.of(chef, resp),
                List.of(chef, resp));
    }

    @Test
    void anInternalNoteTellsTheOtherHandlersAndNeverTheCollectivity() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        clearNotifications(n);
        conversation.note(
                n,
                "Le maire est pressé : budget voté en juin.",
                List.of(upload("devis-interne.txt")),
                Actor.chefDeFile(chef.id()),
                null);
        assertTold(
                n, NotificationEvent.NOTE_INTERNE, "Note interne sur la demande N°" + n, List.of(resp), List.of(resp));
        assertThat(text(onlyMail(resp, "Note interne sur la demande N°" + n)))
                .contains(
                        "Paul Test a écrit une note interne (avec un fichier)",
                        "La collectivité ne la voit pas",
                        "« Le maire est pressé : budget voté en juin. »",
                        "/demandes/" + n + "#notes");
        for (CurrentUser member : List.of(anne, bruno, elsewhere)) {
            assertThat(mailsAbout(member, n)).as(member.firstName()).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND request_numero = ?")
                            .params(member.id(), n)
                            .query(Long.class)
                            .single())
                    .as(member.firstName() + " sur ID77")
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE text_body LIKE '%budget voté en juin%' "
                                + "AND recipient NOT IN (:staff)")
                        .param("staff", List.of(email(resp), email(chef), email(admin), email(outsider)))
                        .query(Long.class)
                        .single())
                .as("no mail of the outbox quotes the note to anyone but staff")
                .isZero();

        // a staff member who unticked « Note interne » by mail still reads it on ID77
        store.saveChoices(
                resp.id(),
                List.of(NotificationEvent.NOTE_INTERNE),
                Set.of(new NotificationStore.Choice(NotificationEvent.NOTE_INTERNE, Channel.APP)));
        clearNotifications(n);
        conversation.note(n, "Deuxième note", List.of(), Actor.admin(admin.id()), null);
        assertTold(
                n,
                NotificationEvent.NOTE_INTERNE,
                "Note interne sur la demande N°" + n,
                List.of(chef, resp),
                List.of(chef));
    }

    @Test
    void aHandoverTellsTheNewHandlerWhyAndTheCollectivityOnlyWho() {
        int n = file(null);
        workflow.assignResponsable(n, resp.id(), version(n), Actor.chefDeFile(chef.id()));
        clearNotifications(n);
        handover.handOver(n, outsider.id(), "Rémi part en congé long", version(n), Actor.chefDeFile(chef.id()));
        sendMails();
        assertThat(text(onlyMail(outsider, "La demande N°" + n + " vous est confiée")))
                .contains(
                        "Paul Test vous a confié la demande N°" + n,
                        "Commune de Notifville",
                        "Motif : Rémi part en congé long");
        assertThat(text(onlyMail(resp, "La demande N°" + n + " est confiée à Olga Test")))
                .contains("vous n'en êtes plus responsable", "Motif : Rémi part en congé long");
        for (CurrentUser member : List.of(anne, bruno)) {
            assertThat(text(onlyMail(member, "Contact chef de file modifié : demande N°" + n)))
                    .contains("Olga Test suit désormais la demande N°" + n)
                    .doesNotContain("congé");
        }
        assertThat(inApp(n, NotificationEvent.CONTACT_CHEF_DE_FILE))
                .containsExactlyInAnyOrder(anne.id(), bruno.id(), resp.id(), outsider.id());
        assertThat(mailsAbout(chef, n)).as("the actor").isEmpty();
    }

    @Test
    void theActorIsNeverToldAndAPersonWhoIsBothChefDeFileAndResponsableIsToldOnce() {
        int n = file(null);
        workflow.assignResponsable(n, chef.id(), version(n), Actor.chefDeFile(chef.id()));
        conversation.comment(n, "Question de la commune", null, Actor.adherent(bruno.id(), commune.id()));
        assertTold(
                n,
                NotificationEvent.COMMENTAIRE,
                "Nouveau commentaire sur la demande N°" + n,
                List.of(chef),
                List.of(chef));
        assertThat(inApp(n, NotificationEvent.CONTACT_CHEF_DE_FILE))
                .as("assigning oneself tells the collectivity only")
                .containsExactlyInAnyOrder(anne.id(), bruno.id());
    }

    @Test
    void aPersonWhoUntickedAChannelGetsNothingThere() {
        store.saveChoices(
                anne.id(),
                List.of(NotificationEvent.values()),
                Set.of(
                        new NotificationStore.Choice(NotificationEvent.ACCEPTEE, Channel.APP),
                        new NotificationStore.Choice(NotificationEvent.COMMENTAIRE, Channel.EMAIL)));
        store.saveChoices(chef.id(), List.of(NotificationEvent.NOUVELLE_DEMANDE), Set.of());
        int n = file(null);
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(chef.id()));
        conversation.comment(n, "Bonjour", null, Actor.chefDeFile(chef.id()));
        assertTold(n, NotificationEvent.NOUVELLE_DEMANDE, "Nouvelle demande N°" + n, List.of(), List.of());
        assertTold(n, NotificationEvent.ACCEPTEE, "Demande N°" + n + " acceptée", List.of(anne, bruno), List.of(bruno));
        assertTold(
                n,
                NotificationEvent.COMMENTAIRE,
                "Nouveau commentaire sur la demande N°" + n,
                List.of(bruno),
                List.of(anne, bruno));
    }

    @Test
    void inactiveAccountsAreNotTold() {
        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE id = ?")
                .param(bruno.id())
                .update();
        int n = file(null);
        move(n, RequestStatus.EN_COURS, null, Actor.chefDeFile(chef.id()));
        assertTold(n, NotificationEvent.ACCEPTEE, "Demande N°" + n + " acceptée", List.of(anne), List.of(anne));
    }

    @Test
    void aRequestWithoutChefDeFileTellsTheAdmins() {
        int n = workflow.file(Actor.adherent(anne.id(), commune.id()), offerId, null, commune.referentId());
        List<Long> activeAdmins = jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' AND status = 'ACTIVE'")
                .query(Long.class)
                .list();
        assertThat(inApp(n, NotificationEvent.NOUVELLE_DEMANDE)).containsExactlyInAnyOrderElementsOf(activeAdmins);
        assertThat(onlyMail(admin, "Nouvelle demande N°" + n)).isNotNull();
        for (CurrentUser nobody : List.of(anne, elsewhere, chef, resp, outsider)) {
            assertThat(mailsAbout(nobody, n)).as(nobody.firstName()).isEmpty();
        }
        assertThat(mailsAbout(bruno, n))
                .extracting(m -> subject(m))
                .as("Anne's colleague gets the receipt only")
                .containsExactly("ID77 – Demande N°" + n + " déposée par Anne Test (Commune de Notifville)");
    }

    @Test
    void aRegistrationAwaitingValidationTellsEveryActiveAdmin() throws Exception {
        String identifiant = "inscr" + System.nanoTime() % 1_000_000_000;
        String name = "Commune de Nouvelleville " + identifiant;
        mvc.perform(post("/inscription")
                        .with(csrf())
                        .param("collectivity.name", name)
                        .param("collectivity.category", "COMMUNE")
                        .param("collectivity.siret", "21770051800012")
                        .param("collectivity.population", "5900")
                        .param("collectivity.canton", "FONTAINEBLEAU")
                        .param("collectivity.representativeTitle", "MAIRE")
                        .param("collectivity.representativeCivility", "M")
                        .param("collectivity.representativeFirstName", "Jean")
                        .param("collectivity.representativeLastName", "Dupont")
                        .param("collectivity.referentCivility", "MME")
                        .param("collectivity.referentFirstName", "Anne")
                        .param("collectivity.referentLastName", "Martin")
                        .param("identifiant", identifiant)
                        .param("email", identifiant + "@commune.test")
                        .param("phone", "01 64 87 00 00"))
                .andExpect(status().is3xxRedirection());
        sendMails();
        assertThat(mailsTo(admin).stream().filter(m -> subject(m).contains(name)))
                .as("not before the e-mail is confirmed")
                .isEmpty();

        // the link is read from the mail received: once sent, the outbox no longer keeps it
        String body = text(mailsTo(identifiant + "@commune.test").getLast());
        Matcher token = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).isTrue();
        mvc.perform(post("/inscription/confirmation")
                        .param("jeton", token.group(1))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        sendMails();

        List<Long> activeAdmins = jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' AND status = 'ACTIVE'")
                .query(Long.class)
                .list();
        List<Long> told = jdbc.sql(
                        "SELECT user_id FROM notification WHERE event = 'NOUVELLE_INSCRIPTION' AND title LIKE ?")
                .param("%" + identifiant)
                .query(Long.class)
                .list();
        assertThat(told).containsExactlyInAnyOrderElementsOf(activeAdmins);
        MimeMessage mail = onlyMail(admin, "Nouvelle inscription à valider : " + name);
        assertThat(text(mail))
                .contains(
                        "L'inscription de " + name + " est confirmée par Anne Martin",
                        "attend votre validation",
                        "/admin/adhesions");
        for (CurrentUser nobody : List.of(anne, chef, outsider)) {
            assertThat(mailsTo(nobody).stream().filter(m -> subject(m).contains(name)))
                    .isEmpty();
        }
    }

    @Test
    void whenTheChangeFailsNobodyIsTold() {
        int n = file(null);
        long mailsBefore =
                jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        IncomingFile executable =
                new IncomingFile("devis.pdf", 10, new ByteArrayResource(new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0, 0, 0}));
        assertThatThrownBy(() -> conversation.comment(
                        n, "Avec un fichier refusé", null, List.of(executable), Actor.chefDeFile(chef.id())))
                .hasMessageContaining("type accepté");
        assertThat(inApp(n, NotificationEvent.COMMENTAIRE)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox")
                        .query(Long.class)
                        .single())
                .isEqualTo(mailsBefore);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private int file(String message) {
        return workflow.file(
                Actor.adherent(anne.id(), commune.id()), offerId, chef.id(), commune.referentId(), message, List.of());
    }

    private static IncomingFile upload(String name) {
        byte[] content = ("contenu de " + name).getBytes();
        return new IncomingFile(name, content.length, new ByteArrayResource(content));
    }

    private long version(int n) {
        return views.view(n, Actor.admin(admin.id())).version();
    }

    private void move(int n, RequestStatus to, String reason, Actor actor) {
        workflow.changeStatus(n, to, reason, version(n), actor);
    }

    private String email(CurrentUser user) {
        return user.identifiant() + "@test.example";
    }

    private List<MimeMessage> mailsTo(CurrentUser user) {
        return mailsTo(email(user));
    }

    private List<MimeMessage> mailsAbout(CurrentUser user, int n) {
        return mailsTo(user).stream()
                .filter(m -> !seen.contains(m) && subject(m).matches(".*N°" + n + "(\\D.*)?"))
                .toList();
    }

    private MimeMessage onlyMail(CurrentUser user, String title) {
        sendMails();
        List<MimeMessage> found = mailsTo(user).stream()
                .filter(m -> !seen.contains(m) && subject(m).equals("ID77 – " + title))
                .toList();
        assertThat(found).as("« " + title + " » à " + user.firstName()).hasSize(1);
        return found.getFirst();
    }

    private List<Long> inApp(int n, NotificationEvent event) {
        return jdbc.sql("SELECT user_id FROM notification WHERE request_numero = ? AND event = ?")
                .params(n, event.name())
                .query(Long.class)
                .list();
    }

    /** Forgets what was said so far about this request, in the application and in the mailboxes of its people. */
    private void clearNotifications(int n) {
        sendMails();
        jdbc.sql("DELETE FROM notification WHERE request_numero = ?").param(n).update();
        seen.addAll(everyone.stream().flatMap(p -> mailsAbout(p, n).stream()).toList());
    }

    /** Mails already accounted for by an earlier step of the test. */
    private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Exactly {@code inApp} have one in-app notification of this event, exactly {@code byMail} one mail; nobody else. */
    private void assertTold(
            int n,
            NotificationEvent event,
            String title,
            Collection<CurrentUser> inApp,
            Collection<CurrentUser> byMail) {
        sendMails();
        List<Long> told = inApp(n, event);
        for (CurrentUser p : everyone) {
            assertThat(told.stream().filter(id -> id == p.id()).count())
                    .as(p.firstName() + " sur ID77 : " + title)
                    .isEqualTo(inApp.contains(p) ? 1 : 0);
            assertThat(mailsTo(p).stream()
                            .filter(m -> !seen.contains(m) && subject(m).equals("ID77 – " + title))
                            .count())
                    .as(p.firstName() + " par e-mail : " + title)
                    .isEqualTo(byMail.contains(p) ? 1 : 0);
        }
        assertThat(told)
                .as("nobody outside these people")
                .allMatch(id -> everyone.stream().anyMatch(p -> p.id() == id));
    }
}
