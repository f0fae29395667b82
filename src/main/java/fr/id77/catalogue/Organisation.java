package fr.id77.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The organisation leading offers: a département service or a partner (CAUE 77, Act'Art…). Admins name them. */
@Entity
@Table(name = "organisation")
class Organisation {

    enum Kind {
        DEPARTEMENT("Service du Département"),
        PARTENAIRE("Partenaire du Département");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Version
    private long version;

    protected Organisation() {}

    /** The slug only names the organisation in the initial catalogue file; it never changes. */
    Organisation(String slug, String name, Kind kind) {
        this.slug = slug;
        this.name = name;
        this.kind = kind;
    }

    void rename(String newName, Kind newKind) {
        this.name = newName;
        this.kind = newKind;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    Kind getKind() {
        return kind;
    }

    long getVersion() {
        return version;
    }

    boolean isPartner() {
        return kind == Kind.PARTENAIRE;
    }
}
