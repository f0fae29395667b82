package fr.id77.requests;

import fr.id77.catalog.Offers;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import java.sql.Timestamp;
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
 * « Commune de MaCommune » has requests in every status, with comments, answers and files.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(30)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);
    private static final Duration STEP = Duration.ofMillis(40);

    private final JdbcClient jdbc;
    private final RequestWorkflow service;
    private final RequestConversation conversation;
    private final Offers offers;

    DemoRequests(JdbcClient jdbc, RequestWorkflow service, RequestConversation conversation, Offers offers) {
        this.jdbc = jdbc;
        this.service = service;
        this.conversation = conversation;
        this.offers = offers;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> chefId = userId("chefdefile");
        Optional<Long> adminId = userId("admin");
        Optional<Long> memberId = userId("macommune");
        if (chefId.isEmpty() || adminId.isEmpty() || memberId.isEmpty()
                || jdbc.sql("SELECT count(*) FROM request").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("UPDATE offer SET chef_de_file_id = :chef WHERE chef_de_file_id IS NULL").param("chef", chefId.get()).update();
        long collectivity = jdbc.sql("SELECT collectivity_id FROM app_user WHERE id = :id").param("id", memberId.get())
                .query(Long.class).single();
        List<Long> referents = jdbc.sql("SELECT id FROM technical_referent WHERE collectivity_id = :c AND removed_at IS NULL ORDER BY id")
                .param("c", collectivity).query(Long.class).list();
        Actor member = Actor.adherent(memberId.get(), collectivity);
        Actor chef = Actor.chefDeFile(chefId.get());
        Actor admin = Actor.admin(adminId.get());
        Long referent = referents.isEmpty() ? null : referents.getFirst();

        int pending = file(member, "O69", referent, "Bonjour, la mairie a un projet d'agrandissement du groupe scolaire pour y transférer "
                + "les services de la mairie. Le projet peine à trouver son financement : pouvez-vous nous aider à monter les dossiers ?",
                new IncomingFile("note-de-presentation.txt", 60, new ByteArrayResource(
                        "Note de présentation du projet de groupe scolaire - version 2".getBytes())));
        comment(pending, "Bonjour, nous avons bien reçu votre demande. Pouvez-vous nous transmettre le plan de financement prévisionnel ?",
                null, chef);

        int inProgress = file(member, "O36", referent, "La traversée du bourg par la RD 12 est dangereuse aux heures de sortie d'école.", null);
        move(inProgress, RequestStatus.EN_COURS, null, chef);
        long question = comment(inProgress, "Nous proposons une visite sur place mardi 10 h. Cela vous convient-il ?", null, chef);
        comment(inProgress, "Oui, c'est parfait. Le référent sera présent.", question, member);

        int done = file(member, "O01", referent, "Nous souhaitons un diagnostic avant de réviser notre PLU.", null);
        move(done, RequestStatus.EN_COURS, null, chef);
        move(done, RequestStatus.TERMINEE, "Le diagnostic a été remis en conseil municipal.", chef);

        int rejected = file(member, "O50", referent, "Animation pour la fête du village.", null);
        move(rejected, RequestStatus.REJETEE, "Cette animation relève du comité des fêtes ; voyez plutôt l'offre F150.", chef);

        int cancelled = file(member, "O34", referent, "Inventaire des haies communales.", null);
        move(cancelled, RequestStatus.ANNULEE, null, member);

        int deleted = file(member, "O03", referent, "Doublon envoyé par erreur.", null);
        move(deleted, RequestStatus.SUPPRIMEE, "Doublon de la demande précédente.", admin);
        // spread over the last months, as a real collectivity's requests would be: (filed days ago, days it lasted)
        spread(done, 95, 40);
        spread(rejected, 48, 3);
        spread(inProgress, 26, 6);
        spread(cancelled, 14, 1);
        spread(deleted, 9, 1);
        spread(pending, 4, 2);
        log.info("Démo : 6 demandes créées pour la Commune de MaCommune (N°{} à N°{})", pending, deleted);
    }

    private int file(Actor member, String code, Long referent, String message, IncomingFile file) {
        Offers.OfferSummary offer = offers.publishedByCode(code).orElseThrow();
        int numero = service.file(member, offer.id(), offer.chefDeFileId(), referent, message, file == null ? List.of() : List.of(file));
        pause();
        return numero;
    }

    private long comment(int numero, String body, Long answering, Actor actor) {
        long id = conversation.comment(numero, body, answering, actor);
        pause();
        return id;
    }

    private void move(int numero, RequestStatus to, String reason, Actor actor) {
        long version = jdbc.sql("SELECT version FROM request WHERE numero = :n").param("n", numero).query(Long.class).single();
        service.changeStatus(numero, to, reason, version, actor);
        pause();
    }

    /**
     * Moves what was written about a request (request, history, comments, files, notifications) so that it was
     * filed {@code daysAgo} days ago and its steps spread evenly over {@code days} days. Each history line gets
     * its new instant; every other row keeps its tiny distance to the history line nearest to it (written in the
     * same step: the steps above run {@link #STEP} apart).
     */
    private void spread(int numero, int daysAgo, int days) {
        long id = jdbc.sql("SELECT id FROM request WHERE numero = :n").param("n", numero).query(Long.class).single();
        record Moved(long id, Instant at) {
        }
        List<Moved> steps = jdbc.sql("SELECT id, created_at FROM request_event WHERE request_id = :id ORDER BY created_at, id")
                .param("id", id).query((rs, n) -> new Moved(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        Instant start = Instant.now().minus(Duration.ofDays(daysAgo));
        Duration gap = steps.size() < 2 ? Duration.ZERO : Duration.ofDays(days).dividedBy(steps.size() - 1);
        List<Instant> newSteps = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            newSteps.add(start.plus(gap.multipliedBy(i)).plus(Duration.ofMinutes(137L * i))); // not always at the same hour
        }
        java.util.function.UnaryOperator<Instant> move = old -> {
            int nearest = 0;
            for (int i = 1; i < steps.size(); i++) {
                if (Duration.between(steps.get(i).at(), old).abs().compareTo(Duration.between(steps.get(nearest).at(), old).abs()) < 0) {
                    nearest = i;
                }
            }
            return newSteps.get(nearest).plus(Duration.between(steps.get(nearest).at(), old));
        };
        for (String table : List.of("request_event", "request_comment", "request_attachment", "notification", "request")) {
            String owner = table.equals("request") ? "id" : "request_id";
            for (Moved row : jdbc.sql("SELECT id, created_at FROM " + table + " WHERE " + owner + " = :id").param("id", id)
                    .query((rs, n) -> new Moved(rs.getLong(1), rs.getTimestamp(2).toInstant())).list()) {
                jdbc.sql("UPDATE " + table + " SET created_at = :at WHERE id = :row")
                        .param("at", Timestamp.from(move.apply(row.at()))).param("row", row.id()).update();
            }
        }
        jdbc.sql("UPDATE request SET updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(newSteps.getLast())).param("id", id).update();
    }

    /** Runs a step of the demo, then waits a little, so that the rows of one step are nearer to each other than to the next. */
    private static void pause() {
        try {
            Thread.sleep(STEP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> userId(String identifiant) {
        return jdbc.sql("SELECT id FROM app_user WHERE identifiant = :i").param("i", identifiant).query(Long.class).optional();
    }
}
