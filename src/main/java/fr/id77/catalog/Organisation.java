package fr.id77.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The organisation leading offers: a département service or a partner (CAUE 77, Act'Art…). */
@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    private String name;
    private String kind;

    protected Organisation() {
    }

    Long getId() { return id; }
    String getSlug() { return slug; }
    String getName() { return name; }
    boolean isPartner() { return "PARTENAIRE".equals(kind); }
}
