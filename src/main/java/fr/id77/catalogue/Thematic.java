package fr.id77.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A thematic inside a domain (reference data, owned by migrations). */
@Entity
@Table(name = "thematic")
class Thematic {

    @Id
    private Short id;

    @Column(name = "domain_id")
    private Short domainId;

    private String slug;
    private String label;
    private short position;

    protected Thematic() {}

    Short getId() {
        return id;
    }

    Short getDomainId() {
        return domainId;
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
