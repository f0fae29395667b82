package fr.id77.requests;

import fr.id77.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real people for service tests of requests (rows in the database, as the rules now read them): a collectivity with
 * two referents and its member, a member elsewhere, the offer's chef de file, another chef de file, an admin.
 */
record TestActors(
        Fixtures.Collectivity commune,
        Actor member,
        Actor otherMember,
        Actor chef,
        Actor otherChef,
        Actor admin,
        long offerId) {

    /** Everyone, with {@code chef} leading the offer {@code offerCode}. */
    static TestActors leading(JdbcClient jdbc, String offerCode) {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune de Testville", "Melun");
        Actor chef = RequestPages.actor(f.chefDeFile("Paul"));
        long offerId = jdbc.sql("UPDATE offer SET chef_de_file_id = :u WHERE code = :c RETURNING id")
                .param("u", chef.userId())
                .param("c", offerCode)
                .query(Long.class)
                .single();
        return new TestActors(
                commune,
                RequestPages.actor(f.adherent(commune, "Anne")),
                RequestPages.actor(f.adherent(f.collectivity("Commune d'Ailleurs", "Provins"), "Bruno")),
                chef,
                RequestPages.actor(f.chefDeFile("Lucie")),
                RequestPages.actor(f.admin("Claire")),
                offerId);
    }

    /** A request of the collectivity on the offer, led by its chef de file, naming the first referent. */
    int file(RequestWorkflow workflow) {
        return workflow.file(member, offerId, chef.userId(), commune.referentId());
    }
}
