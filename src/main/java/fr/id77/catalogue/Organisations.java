package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueAdminForms.OrganisationForm;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations leading offers (« organismes porteurs »): admins add a new partner, fix a name, and
 * remove one that leads nothing. They are not cached: only admin pages list them, and offer pages read
 * the name with the offer, so a change is seen at once by every instance.
 */
@Service
class Organisations {

    /** One organisation with the number of offers it leads. */
    record Line(long id, String name, Organisation.Kind kind, long version, long offers) {

        public String kindLabel() {
            return kind.label();
        }
    }

    private final OrganisationRepository organisations;
    private final JdbcClient jdbc;

    Organisations(OrganisationRepository organisations, JdbcClient jdbc) {
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Line> all() {
        return jdbc.sql(
                        "SELECT org.id, org.name, org.kind, org.version, count(o.id) FROM organisation org "
                                + "LEFT JOIN offer o ON o.organisation_id = org.id GROUP BY org.id ORDER BY lower(unaccent(org.name))")
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        Organisation.Kind.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** (id, name) in alphabetical order, for pick lists. */
    @Transactional(readOnly = true)
    Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM organisation ORDER BY lower(unaccent(name))")
                .query((rs, n) -> choices.put(rs.getString(1), rs.getString(2)))
                .list();
        return choices;
    }

    /** Adds the organisation of a valid form; returns its name. */
    @Transactional
    String add(OrganisationForm form) {
        String name = form.cleanName();
        String base = slug(name);
        String slug = base;
        for (int i = 2; organisations.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        save(new Organisation(slug, name, form.kind()));
        return name;
    }

    /** Renames the organisation from a valid form read at its current version; returns the new name. */
    @Transactional
    String rename(long id, OrganisationForm form) {
        Organisation organisation = organisations.findById(id).orElseThrow(CatalogueAdmin.Missing::new);
        Versions.requireCurrent(form.version(), organisation.getVersion(), Organisation.class, id);
        organisation.rename(form.cleanName(), form.kind());
        save(organisation);
        return organisation.getName();
    }

    @Transactional
    String remove(long id) {
        Organisation organisation = organisations.findById(id).orElseThrow(CatalogueAdmin.Missing::new);
        long led = jdbc.sql("SELECT count(*) FROM offer WHERE organisation_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (led > 0) {
            throw new FieldRefusal(
                    null,
                    "« " + organisation.getName() + " » porte encore " + led
                            + (led == 1 ? " offre" : " offres")
                            + " : choisissez d'abord un autre organisme porteur pour "
                            + (led == 1 ? "celle-ci." : "celles-ci."));
        }
        organisations.delete(organisation);
        return organisation.getName();
    }

    /** Whether an organisation other than {@code except} (null for none) bears this name, whatever its case. */
    @Transactional(readOnly = true)
    boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) > 0 FROM organisation WHERE lower(name) = lower(:name) AND id <> :self")
                .param("name", name)
                .param("self", except == null ? -1L : except)
                .query(Boolean.class)
                .single();
    }

    private void save(Organisation organisation) {
        try {
            organisations.saveAndFlush(organisation);
        } catch (DataIntegrityViolationException e) {
            // two admins gave the same name at the same moment: the unique index said no
            throw new FieldRefusal("name", OrganisationFormValidator.NAME_TAKEN);
        }
    }

    /** « Agence de l'eau Seine-Normandie » → « agence-de-l-eau-seine-normandie » (at most 50 characters). */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "organisme" : slug;
    }
}
