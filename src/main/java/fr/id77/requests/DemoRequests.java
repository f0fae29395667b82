package fr.id77.requests;

import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.membership.ReferentSummary;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import fr.id77.shared.time.DemoClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (embedded database mode only, once): « chefdefile » leads the catalogue's offers and
 * « Commune de MaCommune » has requests in every status, with comments, answers and files, spread over the last
 * months as a real collectivity's would be: each step is written at its own past instant by moving the
 * {@link DemoClock}, then time is given back.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(30)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final JdbcClient jdbc;
    private final RequestWorkflow service;
    private final RequestConversation conversation;
    private final Offers offers;
    private final Accounts accounts;
    private final Collectivities collectivities;
    private final DemoClock clock;

    DemoRequests(
            JdbcClient jdbc,
            RequestWorkflow service,
            RequestConversation conversation,
            Offers offers,
            Accounts accounts,
            Collectivities collectivities,
            DemoClock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.conversation = conversation;
        this.offers = offers;
        this.accounts = accounts;
        this.collectivities = collectivities;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> chefId = userId("chefdefile");
        Optional<Long> adminId = userId("admin");
        Optional<Long> memberId = userId("macommune");
        if (chefId.isEmpty()
                || adminId.isEmpty()
                || memberId.isEmpty()
                || jdbc.sql("SELECT count(*) FROM request").query(Long.class).single() > 0) {
            return;
        }
        offers.leadUnledOffersForDemo(chefId.get());
        long collectivity = accounts.summary(memberId.get()).orElseThrow().collectivityId();
        List<Long> referents = collectivities.activeReferents(collectivity).stream()
                .map(ReferentSummary::id)
                .toList();
        Actor member = Actor.adherent(memberId.get(), collectivity);
        Actor chef = Actor.chefDeFile(chefId.get());
        Actor admin = Actor.admin(adminId.get());
        Long referent = referents.isEmpty() ? null : referents.getFirst();
        Instant now = clock.instant();
        try {
            // each request: filed so many days ago, its steps spread evenly over so many days
            Story story = new Story(now, 4, 2, 2);
            int pending = file(
                    story,
                    member,
                    "O69",
                    referent,
                    "Bonjour, la mairie a un projet d'agrandissement du groupe "
                            + "scolaire pour y transférer les services de la mairie. Le projet peine à trouver son financement : "
                            + "pouvez-vous nous aider à monter les dossiers ?",
                    new IncomingFile(
                            "note-de-presentation.txt",
                            60,
                            new ByteArrayResource(
                                    "Note de présentation du projet de groupe scolaire - version 2".getBytes())));
            comment(
                    story,
                    pending,
                    "Bonjour, nous avons bien reçu votre demande. Pouvez-vous nous transmettre le plan de "
                            + "financement prévisionnel ?",
                    null,
                    chef);

            story = new Story(now, 26, 6, 4);
            int inProgress = file(
                    story,
                    member,
                    "O36",
                    referent,
                    "La traversée du bourg par la RD 12 est dangereuse aux heures de sortie d'école.",
                    null);
            move(story, inProgress, RequestStatus.EN_COURS, null, chef);
            long question = comment(
                    story,
                    inProgress,
                    "Nous proposons une visite sur place mardi 10 h. Cela vous convient-il ?",
                    null,
                    chef);
            comment(story, inProgress, "Oui, c'est parfait. Le référent sera présent.", question, member);
            story.next(); // what only ID77 staff read: the collectivity never sees this note nor its file
            conversation.note(
                    inProgress,
                    "Le maire a évoqué au téléphone une subvention régionale possible : vérifier l'éligibilité avant "
                            + "la visite. Compte rendu de l'appel joint.",
                    List.of(new IncomingFile(
                            "appel-mairie.txt",
                            70,
                            new ByteArrayResource(
                                    "Appel du maire : subvention régionale, échéance du dossier en juin.".getBytes()))),
                    admin,
                    null);

            story = new Story(now, 95, 40, 3);
            int done = file(
                    story, member, "O01", referent, "Nous souhaitons un diagnostic avant de réviser notre PLU.", null);
            move(story, done, RequestStatus.EN_COURS, null, chef);
            move(story, done, RequestStatus.TERMINEE, "Le diagnostic a été remis en conseil municipal.", chef);

            story = new Story(now, 48, 3, 2);
            int rejected = file(story, member, "O50", referent, "Animation pour la fête du village.", null);
            move(
                    story,
                    rejected,
                    RequestStatus.REJETEE,
                    "Cette animation relève du comité des fêtes ; voyez plutôt l'offre F150.",
                    chef);

            story = new Story(now, 14, 1, 2);
            int cancelled = file(story, member, "O34", referent, "Inventaire des haies communales.", null);
            move(story, cancelled, RequestStatus.ANNULEE, null, member);

            story = new Story(now, 9, 1, 2);
            int deleted = file(story, member, "O03", referent, "Doublon envoyé par erreur.", null);
            move(story, deleted, RequestStatus.SUPPRIMEE, "Doublon de la demande précédente.", admin);
            // waiting for the compléments the chef de file asked: its clock is stopped
            story = new Story(now, 9, 3, 2);
            int complements = file(
                    story,
                    member,
                    "O15",
                    referent,
                    "Nous voulons réduire la facture énergétique de l'école et de la salle des fêtes.",
                    null);
            move(
                    story,
                    complements,
                    RequestStatus.COMPLEMENTS,
                    "Pouvez-vous nous transmettre les factures d'énergie des deux bâtiments sur les trois dernières "
                            + "années ?",
                    chef);

            // compléments asked and transmitted, still unanswered well past the offer's ten working days: late
            story = new Story(now, 35, 12, 3);
            int late = file(
                    story,
                    member,
                    "O20",
                    referent,
                    "Nous souhaitons végétaliser la cour de l'école et le parvis de la mairie.",
                    null);
            move(story, late, RequestStatus.COMPLEMENTS, "Quelle surface est concernée ? Un plan nous aiderait.", chef);
            story.next();
            conversation.transmitComplements(
                    late,
                    "Environ 1 200 m² pour la cour et 300 m² pour le parvis ; le plan suit par courrier.",
                    List.of(),
                    version(late),
                    member);
            log.info("Démo : 8 demandes créées pour la Commune de MaCommune (N°{} à N°{})", pending, late);
        } finally {
            clock.reset();
        }
    }

    /**
     * The instants of one request's steps: the first {@code daysAgo} days before {@code now}, the last {@code days}
     * later, evenly spread between, and not always at the same hour. Each step of the story first moves the demo
     * clock on ({@link #next()}).
     */
    private final class Story {

        private final Instant start;
        private final Duration gap;
        private int step;

        Story(Instant now, int daysAgo, int days, int steps) {
            this.start = now.minus(Duration.ofDays(daysAgo));
            this.gap = Duration.ofDays(days).dividedBy(steps - 1);
        }

        void next() {
            clock.moveTo(start.plus(gap.multipliedBy(step)).plus(Duration.ofMinutes(137L * step)));
            step++;
        }
    }

    private int file(Story story, Actor member, String code, Long referent, String message, IncomingFile file) {
        Offers.OfferSummary offer = offers.publishedByCode(code).orElseThrow();
        story.next();
        return service.file(
                member, offer.id(), offer.chefDeFileId(), referent, message, file == null ? List.of() : List.of(file));
    }

    private long comment(Story story, int numero, String body, Long answering, Actor actor) {
        story.next();
        return conversation.comment(numero, body, answering, actor);
    }

    private void move(Story story, int numero, RequestStatus to, String reason, Actor actor) {
        story.next();
        service.changeStatus(numero, to, reason, version(numero), actor);
    }

    private long version(int numero) {
        return jdbc.sql("SELECT version FROM request WHERE numero = :n")
                .param("n", numero)
                .query(Long.class)
                .single();
    }

    private Optional<Long> userId(String identifiant) {
        return accounts.byIdentifiant(identifiant).map(AccountSummary::id);
    }
}
