package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.catalogue.Offers;
import fr.id77.shared.web.FieldRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(properties = "id77.attachments.max-size=1KB")
@RecordApplicationEvents
class RequestFilesTests {

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestViews views;

    @Autowired
    RequestFiles requestFiles;

    @Autowired
    RequestConversation conversation;

    @Autowired
    Offers offers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Value("${id77.data-dir}")
    Path dataDir;

    static IncomingFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new IncomingFile(name, bytes.length, new ByteArrayResource(bytes));
    }

    static final IncomingFile PDF = file("étude préalable.pdf", "%PDF-1.4\nétude");
    static final IncomingFile CSV = file("../../chiffres.csv", "commune;habitants\nMelun;40000\n");

    long requests() {
        return jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
    }

    long storedFiles() throws IOException {
        Path root = dataDir.resolve("files"); // the one storage of every module
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aRequestIsFiledWithItsMessageAndFilesAndTheFilesCanBeReadBack() throws IOException {
        TestActors people = TestActors.leading(jdbc, "O02");
        Actor member = people.member();
        Actor chef = people.chef();
        long referent = people.commune().referentId();
        int numero = workflow.file(
                member, people.offerId(), chef.userId(), referent, "Bonjour, voici notre étude.", List.of(PDF, CSV));

        List<RequestViews.CommentLine> thread = views.comments(numero, false, chef);
        assertThat(thread)
                .singleElement()
                .extracting(RequestViews.CommentLine::body)
                .isEqualTo("Bonjour, voici notre étude.");
        List<RequestViews.AttachmentLine> files = views.attachments(numero, chef);
        assertThat(files)
                .extracting(RequestViews.AttachmentLine::fileName)
                .containsExactly("étude préalable.pdf", "chiffres.csv");
        assertThat(files)
                .allSatisfy(f ->
                        assertThat(f.commentId()).isEqualTo(thread.getFirst().id()));
        try (InputStream in =
                requestFiles.open(numero, files.getFirst().id(), chef).content()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4\nétude");
        }

        assertThatThrownBy(() -> requestFiles.open(numero, files.getFirst().id(), people.otherMember()))
                .isInstanceOfSatisfying(
                        RequestException.class, e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.NOT_FOUND));
        int second = workflow.file(
                member, offers.publishedByCode("O03").orElseThrow().id(), chef.userId(), referent, "", List.of());
        assertThatThrownBy(() -> requestFiles.open(second, files.getFirst().id(), member))
                .isInstanceOf(RequestException.class);

        conversation.comment(numero, "Voici le plan", null, List.of(file("plan.txt", "plan du bourg")), chef);
        assertThat(views.attachments(numero, member)).hasSize(3);
        assertThat(events.stream(RequestEvents.DocumentAdded.class).filter(e -> e.numero() == numero))
                .singleElement()
                .satisfies(e -> assertThat(e.fromStaff()).isTrue());
    }

    @Test
    void refusedFilesCreateNothingAtAll() throws IOException {
        TestActors people = TestActors.leading(jdbc, "O04");
        Actor member = people.member();
        long offerId = people.offerId();
        long referent = people.commune().referentId();
        IncomingFile exe =
                new IncomingFile("devis.pdf", 64, new ByteArrayResource(new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0}));
        IncomingFile html = file("note.txt", "<html><script>alert(1)</script></html>");
        IncomingFile big = file("gros.pdf", "%PDF-1.4 " + "x".repeat(2000));

        assertThat(requestFiles.problems(List.of(PDF, exe, html, big)))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("« devis.pdf » n'est pas d'un type accepté"))
                .anySatisfy(p -> assertThat(p).contains("« note.txt »"))
                .anySatisfy(p -> assertThat(p).contains("« gros.pdf » dépasse la taille maximale de 1 Ko"));

        long before = requests();
        long filesBefore = storedFiles();
        for (IncomingFile bad : List.of(exe, html, big)) {
            assertThatThrownBy(() -> workflow.file(member, offerId, null, referent, "message", List.of(PDF, bad)))
                    .isInstanceOfSatisfying(
                            FieldRefusal.class, e -> assertThat(e.field()).isEqualTo(RequestFiles.FIELD));
        }
        IncomingFile lying =
                new IncomingFile("menteur.pdf", 10, new ByteArrayResource(("%PDF-1.4 " + "y".repeat(3000)).getBytes()));
        assertThatThrownBy(() -> workflow.file(member, offerId, null, referent, "message", List.of(PDF, lying)))
                .hasMessageContaining("dépasse");
        assertThat(requests()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }
}
