package fr.id77.support;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows other modules own (collectivities, referents, accounts), written directly for tests of later modules. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final JdbcClient jdbc;

    public Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Collectivity(long id, String name, long referentId, long secondReferentId) {}

    /**
     * An active collectivity with two technical referents. The canton is given by its label (« Melun »)
     * and stored as the application stores it, by its constant (MELUN): the membership module reads it
     * back as an enum.
     */
    public Collectivity collectivity(String name, String canton) {
        long id = jdbc.sql("INSERT INTO collectivity (name, category, siret, population, canton, representative_title, "
                        + "representative_civility, representative_first_name, representative_last_name, referent_civility, "
                        + "referent_first_name, referent_last_name, status) VALUES (:name, 'COMMUNE', '21770288500019', 3400, :canton, "
                        + "'MAIRE', 'M', 'Jean', 'Maire', 'MME', 'Anne', 'Referente', 'ACTIVE') RETURNING id")
                .param("name", name)
                .param("canton", cantonConstant(canton))
                .query(Long.class)
                .single();
        long r1 = referent(id, "Anne Test", "Urbanisme");
        long r2 = referent(id, "Jean Test", "Direction générale");
        return new Collectivity(id, name, r1, r2);
    }

    private static String cantonConstant(String label) {
        return Normalizer.normalize(label, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]+", "_");
    }

    public long referent(long collectivityId, String fullName, String service) {
        return jdbc.sql("INSERT INTO technical_referent (collectivity_id, title, full_name, service, email, phone) "
                        + "VALUES (:c, 'Chargé de projet', :n, :s, :e, '01 60 90 89 90') RETURNING id")
                .param("c", collectivityId)
                .param("n", fullName)
                .param("s", service)
                .param("e", "ref" + SEQ.incrementAndGet() + "@macommune.fr")
                .query(Long.class)
                .single();
    }

    public CurrentUser adherent(Collectivity c, String firstName) {
        return user(firstName, Role.ADHERENT, c.id());
    }

    public CurrentUser chefDeFile(String firstName) {
        return user(firstName, Role.CHEF_DE_FILE, null);
    }

    public CurrentUser admin(String firstName) {
        return user(firstName, Role.ADMIN, null);
    }

    private CurrentUser user(String firstName, Role role, Long collectivityId) {
        String identifiant = "u" + SEQ.incrementAndGet() + System.nanoTime() % 1000;
        long id = jdbc.sql(
                        "INSERT INTO app_user (identifiant, email, first_name, last_name, role, status, collectivity_id) "
                                + "VALUES (:i, :e, :f, 'Test', :r, 'ACTIVE', :c) RETURNING id")
                .param("i", identifiant)
                .param("e", identifiant + "@test.example")
                .param("f", firstName)
                .param("r", role.name())
                .param("c", collectivityId)
                .query(Long.class)
                .single();
        return new CurrentUser(id, identifiant, firstName, firstName + " Test", Set.of(role), collectivityId);
    }

    /** Makes {@code chef} the chef de file of the offer {@code code}. */
    public long lead(String code, CurrentUser chef) {
        jdbc.sql("UPDATE offer SET chef_de_file_id = :u WHERE code = :c")
                .param("u", chef.id())
                .param("c", code)
                .update();
        return jdbc.sql("SELECT id FROM offer WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }
}
