package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.catalog.Offers;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class RequestCommentsTests {

    @Autowired
    RequestService service;
    @Autowired
    Offers offers;
    @Autowired
    ApplicationEvents events;

    @Test
    void bothSidesWriteAndAnswerInOneThreadInEitherOrder() {
        long base = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        Actor member = Actor.adherent(base, base + 10);
        Actor chef = Actor.chefDeFile(base + 1);
        Actor stranger = Actor.adherent(base + 2, base + 11);
        int numero = service.file(member, offers.publishedByCode("O36").orElseThrow().id(), chef.userId(), null);

        long question = service.comment(numero, "Bonjour, pouvez-vous passer en mairie ?", null, member);
        long answer = service.comment(numero, "<script>alert(1)</script> Oui, mardi.", question, chef);

        assertThat(service.comments(numero, false, chef)).extracting(RequestService.CommentLine::id).containsExactly(question, answer);
        assertThat(service.comments(numero, true, member)).extracting(RequestService.CommentLine::id).containsExactly(answer, question);
        RequestService.CommentLine reply = service.comments(numero, false, member).get(1);
        assertThat(reply.parentId()).isEqualTo(question);
        assertThat(reply.fromStaff()).isTrue();
        assertThat(reply.body()).isEqualTo("<script>alert(1)</script> Oui, mardi.");
        assertThat(events.stream(RequestEvents.Commented.class).filter(e -> e.numero() == numero))
                .extracting(RequestEvents.Commented::fromStaff).containsExactly(false, true);
        assertThat(service.view(numero, member).history()).extracting(RequestService.HistoryLine::kind)
                .containsExactly("CREATED", "COMMENT", "COMMENT");

        assertThatThrownBy(() -> service.comment(numero, "   ", null, member)).hasMessageContaining("Écrivez votre message");
        assertThatThrownBy(() -> service.comment(numero, "x".repeat(10_001), null, member)).hasMessageContaining("raccourcissez");
        assertThatThrownBy(() -> service.comment(numero, "intrus", null, stranger))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.NOT_FOUND));
        int other = service.file(member, offers.publishedByCode("O01").orElseThrow().id(), chef.userId(), null);
        assertThatThrownBy(() -> service.comment(other, "réponse ailleurs", question, member)).hasMessageContaining("n'existe pas");
        assertThat(service.comments(numero, false, admin(base))).hasSize(2);
    }

    private static Actor admin(long base) {
        return Actor.admin(base + 99);
    }
}
