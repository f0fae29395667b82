package fr.id77.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A « grand domaine » (reference data, owned by migrations). */
@Entity
@Table(name = "domain")
class Domain {

    @Id
    private Short id;

    private String slug;
    private String label;
    private String icon;
    private short position;

    protected Domain() {}

    Short getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getLabel() {
        return label;
    }

    String getIcon() {
        return icon;
    }

    short getPosition() {
        return position;
    }
}
