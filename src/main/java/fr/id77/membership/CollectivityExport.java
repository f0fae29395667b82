package fr.id77.membership;

import fr.id77.account.AccountStatus;
import fr.id77.shared.export.RowWriter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every collectivity as a spreadsheet (administrators), one row each by name: its profile and adhesion, then its
 * members and its technical referents in place, counted and listed one per line inside a cell. One row per
 * collectivity rather than per person: the sheet then counts, sorts and filters collectivities (by canton, category,
 * status) as the board asks, a collectivity without members or referents still has its row, and nobody is listed
 * twice. One statement, written as it is read; the members are read from the accounts' table in the same statement
 * (as {@link UnconfirmedRegistrationPurge} does), so that a collectivity's row never waits for a second query.
 */
@Component
class CollectivityExport {

    static final List<String> HEADERS = List.of(
            "Collectivité",
            "Catégorie",
            "SIRET",
            "Population",
            "Canton",
            "Adhésion",
            "Inscrite le",
            "Statut modifié le",
            "Représentant",
            "Référent de la collectivité",
            "Site internet",
            "Nombre de membres",
            "Membres",
            "Nombre de référents techniques",
            "Référents techniques");

    private final JdbcClient jdbc;

    CollectivityExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    void write(RowWriter out) {
        out.row(HEADERS);
        jdbc.sql("SELECT c.name, c.category, c.siret, c.population, c.canton, c.status, c.created_at, "
                        + "c.status_changed_at, c.representative_title, c.representative_civility, "
                        + "c.representative_first_name, c.representative_last_name, c.referent_civility, "
                        + "c.referent_first_name, c.referent_last_name, c.website, m.people, m.statuses, tr.people "
                        + "FROM collectivity c "
                        + "LEFT JOIN LATERAL (SELECT array_agg(trim(u.first_name || ' ' || u.last_name) || ' <' "
                        + "|| u.email || '>' ORDER BY u.last_name, u.first_name, u.id) AS people, "
                        + "array_agg(u.status ORDER BY u.last_name, u.first_name, u.id) AS statuses "
                        + "FROM app_user u WHERE u.collectivity_id = c.id) m ON TRUE "
                        + "LEFT JOIN LATERAL (SELECT array_agg(t.full_name || ' (' || t.title "
                        + "|| CASE WHEN t.service = '' THEN '' ELSE ', ' || t.service END || ') <' || t.email || '> '"
                        + "|| t.phone ORDER BY t.full_name, t.id) AS people "
                        + "FROM technical_referent t WHERE t.collectivity_id = c.id AND t.removed_at IS NULL) tr ON TRUE "
                        + "ORDER BY c.name, c.id")
                .query(rs -> {
                    List<String> members = members(texts(rs.getArray(17)), texts(rs.getArray(18)));
                    List<String> referents = texts(rs.getArray(19));
                    out.row(
                            rs.getString(1),
                            Choices.Category.valueOf(rs.getString(2)).label(),
                            rs.getString(3),
                            rs.getInt(4),
                            Choices.Canton.valueOf(rs.getString(5)).label(),
                            AdhesionStatus.valueOf(rs.getString(6)).label(),
                            rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant(),
                            person(
                                    Choices.RepresentativeTitle.valueOf(rs.getString(9))
                                                    .label() + ", ",
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12)),
                            person("", rs.getString(13), rs.getString(14), rs.getString(15)),
                            rs.getString(16),
                            members.size(),
                            String.join("\n", members),
                            referents.size(),
                            String.join("\n", referents));
                });
    }

    /** Each member as « Name <e-mail> », his account's status after it when it is not active. */
    private static List<String> members(List<String> people, List<String> statuses) {
        List<String> lines = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            AccountStatus status = AccountStatus.valueOf(statuses.get(i));
            lines.add(people.get(i)
                    + (status == AccountStatus.ACTIVE
                            ? ""
                            : " – compte « " + status.label().toLowerCase(java.util.Locale.ROOT) + " »"));
        }
        return lines;
    }

    private static String person(String prefix, String civility, String firstName, String lastName) {
        return prefix + Choices.Civility.valueOf(civility).abbreviation() + " " + firstName + " " + lastName;
    }

    private static List<String> texts(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
