package fr.id77.catalogue;

import fr.id77.shared.export.RowWriter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole catalogue as a spreadsheet (administrators): every field of every offer, published or withdrawn, one row
 * each in code order, its domains and thematics joined in one cell. Two statements: the staff (names of chefs de file
 * and of the last editors) and the offers, whose rows are written as they are read.
 */
@Component
class CatalogueExport {

    static final List<String> HEADERS = List.of(
            "Code",
            "Titre",
            "Résumé",
            "Description",
            "Typologie",
            "Organisme porteur",
            "Domaines",
            "Thématiques",
            "Informations pratiques",
            "Mots-clés",
            "Payante",
            "Publiée",
            "Publiée le",
            "Chef de file",
            "Créée le",
            "Modifiée le",
            "Modifiée par");

    private final JdbcClient jdbc;
    private final Staff staff;

    CatalogueExport(JdbcClient jdbc, Staff staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    void write(RowWriter out) {
        Staff.Directory directory = staff.directory();
        out.row(HEADERS);
        jdbc.sql("SELECT o.code, o.title, o.summary, o.description, t.label, org.name, "
                        + "(SELECT string_agg(d.label, ', ' ORDER BY d.position) FROM offer_domain od "
                        + "JOIN domain d ON d.id = od.domain_id WHERE od.offer_id = o.id), "
                        + "(SELECT string_agg(th.label, ', ' ORDER BY d.position, th.position) FROM offer_thematic ot "
                        + "JOIN thematic th ON th.id = ot.thematic_id JOIN domain d ON d.id = th.domain_id "
                        + "WHERE ot.offer_id = o.id), "
                        + "o.practical_info, o.keywords, o.billed, o.published, o.published_on, o.chef_de_file_id, "
                        + "o.created_at, o.updated_at, o.updated_by "
                        + "FROM offer o JOIN typology t ON t.id = o.typology_id "
                        + "JOIN organisation org ON org.id = o.organisation_id ORDER BY " + CatalogueSearch.CODE_ORDER)
                .query(rs -> {
                    java.sql.Date publishedOn = rs.getDate(13);
                    out.row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getBoolean(11),
                            rs.getBoolean(12),
                            publishedOn == null ? null : publishedOn.toLocalDate(),
                            directory.name(rs.getObject(14, Long.class)),
                            rs.getTimestamp(15).toInstant(),
                            rs.getTimestamp(16).toInstant(),
                            directory.name(rs.getObject(17, Long.class)));
                });
    }
}
