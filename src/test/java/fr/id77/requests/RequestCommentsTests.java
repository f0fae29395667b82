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
    RequestConversation conversation;

    @Autowired
    RequestViews views;

    @Autowired
    RequestWorkflow workflow;

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
        int numero = people.file(workflow);

        long question = conversation.comment(numero, "Bonjour, pouvez-vous passer en mairie ?", null, member);
        long answer = conversation.comment(numero, "<script>alert(1)</script> Oui, mardi.", question, chef);

        assertThat(views.comments(numero, false, chef))
                .extracting(RequestViews.CommentLine::id)
                .containsExactly(question, answer);
        assertThat(views.comments(numero, true, member))
                .extracting(RequestViews.CommentLine::id)
                .containsExactly(answer, question);
        RequestViews.CommentLine reply = views.comments(numero, false, member).get(1);
        assertThat(reply.parentId()).isEqualTo(question);
        assertThat(reply.fromStaff()).isTrue();
        assertThat(reply.body()).isEqualTo("<script>alert(1)</script> Oui, mardi.");
        assertThat(events.stream(RequestEvents.Commented.class).filter(e -> e.numero() == numero))
                .extracting(RequestEvents.Commented::fromStaff)
                .containsExactly(false, true);
        assertThat(views.view(numero, member).history())
                .extracting(RequestViews.HistoryLine::kind)
                .containsExactly("CREATED", "COMMENT", "COMMENT");

        assertThatThrownBy(() -> conversation.comment(numero, "   ", null, member))
                .hasMessageContaining("Écrivez votre message");
        assertThatThrownBy(() -> conversation.comment(numero, "x".repeat(10_001), null, member))
                .hasMessageContaining("raccourcissez");
        assertThatThrownBy(() -> conversation.comment(numero, "intrus", null, stranger))
                .isInstanceOfSatisfying(
                        RequestException.class, e -> assertThat(e.kind()).isEqualTo(RequestException.Kind.NOT_FOUND));
        int other = people.file(workflow);
        assertThatThrownBy(() -> conversation.comment(other, "réponse ailleurs", question, member))
                .hasMessageContaining("n'existe pas");
        assertThat(views.comments(numero, false, people.admin())).hasSize(2);
    }
}
