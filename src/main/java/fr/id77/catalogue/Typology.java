package fr.id77.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Typology of an offer: ingénierie de projet, sensibilisation / formation, exposition. */
@Entity
@Table(name = "typology")
class Typology {

    @Id
    private Short id;

    private String slug;
    private String label;
    private short position;

    protected Typology() {}

    Short getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getLabel() {
        return label;
    }

    short getPosition() {
        return position;
    }
}
