package fr.id77.requests;

import fr.id77.catalog.Offers;
import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data (embedded database mode only, once): « chefdefile » leads the catalogue's offers and
 * « Commune de MaCommune » has requests in every status, with comments, answers and files.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(30)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final JdbcClient jdbc;
    private final RequestService service;
    private final Offers offers;

    DemoRequests(JdbcClient jdbc, RequestService service, Offers offers) {
        this.jdbc = jdbc;
        this.service = service;
        this.offers = offers;
    }

    @Override
    @Transactional
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
        service.comment(pending, "Bonjour, nous avons bien reçu votre demande. Pouvez-vous nous transmettre le plan de financement prévisionnel ?",
                null, chef);

        int inProgress = file(member, "O36", referent, "La traversée du bourg par la RD 12 est dangereuse aux heures de sortie d'école.", null);
        move(inProgress, RequestStatus.EN_COURS, null, chef);
        long question = service.comment(inProgress, "Nous proposons une visite sur place mardi 10 h. Cela vous convient-il ?", null, chef);
        service.comment(inProgress, "Oui, c'est parfait. Le référent sera présent.", question, member);

        int done = file(member, "O01", referent, "Nous souhaitons un diagnostic avant de réviser notre PLU.", null);
        move(done, RequestStatus.EN_COURS, null, chef);
        move(done, RequestStatus.TERMINEE, "Le diagnostic a été remis en conseil municipal.", chef);

        int rejected = file(member, "O50", referent, "Animation pour la fête du village.", null);
        move(rejected, RequestStatus.REJETEE, "Cette animation relève du comité des fêtes ; voyez plutôt l'offre F150.", chef);

        int cancelled = file(member, "O34", referent, "Inventaire des haies communales.", null);
        move(cancelled, RequestStatus.ANNULEE, null, member);

        int deleted = file(member, "O03", referent, "Doublon envoyé par erreur.", null);
        move(deleted, RequestStatus.SUPPRIMEE, "Doublon de la demande précédente.", admin);
        log.info("Démo : 6 demandes créées pour la Commune de MaCommune (N°{} à N°{})", pending, deleted);
    }

    private int file(Actor member, String code, Long referent, String message, IncomingFile file) {
        Offers.OfferSummary offer = offers.publishedByCode(code).orElseThrow();
        return service.file(member, offer.id(), offer.chefDeFileId(), referent, message, file == null ? List.of() : List.of(file));
    }

    private void move(int numero, RequestStatus to, String reason, Actor actor) {
        long version = jdbc.sql("SELECT version FROM request WHERE numero = :n").param("n", numero).query(Long.class).single();
        service.changeStatus(numero, to, reason, version, actor);
    }

    private Optional<Long> userId(String identifiant) {
        return jdbc.sql("SELECT id FROM app_user WHERE identifiant = :i").param("i", identifiant).query(Long.class).optional();
    }
}
