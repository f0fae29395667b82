package fr.id77.loans;

import fr.id77.account.CurrentUser;
import fr.id77.requests.Actor;
import fr.id77.support.Fixtures;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real people around one exhibition, for the loans' tests: two communes with a member each, the exhibition's chef de
 * file, another chef de file, an admin. The exhibition starts with no booking, the default rules and {@code copies}
 * copies.
 */
record LoanPeople(
        long offerId,
        String code,
        Fixtures.Collectivity commune,
        CurrentUser member,
        Fixtures.Collectivity other,
        CurrentUser otherMember,
        CurrentUser chef,
        CurrentUser otherChef,
        CurrentUser admin,
        List<Long> copies) {

    static LoanPeople around(JdbcClient jdbc, String code, int copies) {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune d'Exposition", "Melun");
        Fixtures.Collectivity other = f.collectivity("Commune Voisine", "Provins");
        CurrentUser chef = f.chefDeFile("Paul");
        long offerId = f.lead(code, chef);
        jdbc.sql("DELETE FROM loan_booking WHERE offer_id = :o")
                .param("o", offerId)
                .update();
        jdbc.sql("DELETE FROM loan_calendar_feed WHERE offer_id = :o")
                .param("o", offerId)
                .update();
        jdbc.sql("DELETE FROM exhibition_copy WHERE offer_id = :o")
                .param("o", offerId)
                .update();
        jdbc.sql("DELETE FROM exhibition WHERE offer_id = :o")
                .param("o", offerId)
                .update();
        jdbc.sql("INSERT INTO exhibition (offer_id, min_days, max_days, buffer_days) VALUES (:o, 7, 42, 3)")
                .param("o", offerId)
                .update();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            ids.add(jdbc.sql("INSERT INTO exhibition_copy (offer_id, label) VALUES (:o, :l) RETURNING id")
                    .param("o", offerId)
                    .param("l", "Exemplaire " + i)
                    .query(Long.class)
                    .single());
        }
        return new LoanPeople(
                offerId,
                code,
                commune,
                f.adherent(commune, "Anne"),
                other,
                f.adherent(other, "Bruno"),
                chef,
                f.chefDeFile("Lucie"),
                f.admin("Claire"),
                List.copyOf(ids));
    }

    Actor memberActor() {
        return Actor.of(member);
    }

    Actor otherActor() {
        return Actor.of(otherMember);
    }

    Actor chefActor() {
        return Actor.of(chef);
    }
}
