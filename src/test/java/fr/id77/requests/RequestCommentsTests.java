package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class RequestCommentsTests {

    @Autowired
    RequestService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void bothSidesWriteAndAnswerInOneThreadInEitherOrder() {
        TestActors people = TestActors.leading(jdbc, "O36");
        Actor member = people.member();
        Actor chef = people.chef();
        Actor stranger = people.otherMember();
        int numero = people.file(service);

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
        int other = people.file(service);
        assertThatThrownBy(() -> service.comment(other, "réponse ailleurs", question, member)).hasMessageContaining("n'existe pas");
        assertThat(service.comments(numero, false, people.admin())).hasSize(2);
    }
}
