package fr.id77.membership;

import fr.id77.membership.Choices.Canton;
import fr.id77.membership.Choices.Category;
import fr.id77.membership.Choices.Civility;
import fr.id77.membership.Choices.RepresentativeTitle;
import fr.id77.membership.MembershipForms.CollectivityFields;
import fr.id77.shared.validation.Siret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A member local authority (commune, EPCI, syndicat) and its adhesion. */
@Entity
@Table(name = "collectivity")
class Collectivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String siret;
    private int population;

    @Enumerated(EnumType.STRING)
    private Canton canton;

    @Enumerated(EnumType.STRING)
    @Column(name = "representative_title")
    private RepresentativeTitle representativeTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "representative_civility")
    private Civility representativeCivility;

    @Column(name = "representative_first_name")
    private String representativeFirstName;

    @Column(name = "representative_last_name")
    private String representativeLastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "referent_civility")
    private Civility referentCivility;

    @Column(name = "referent_first_name")
    private String referentFirstName;

    @Column(name = "referent_last_name")
    private String referentLastName;

    private String website;

    @Column(name = "logo_key")
    private String logoKey;

    @Column(name = "logo_content_type")
    private String logoContentType;

    @Enumerated(EnumType.STRING)
    private AdhesionStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Version
    private long version;

    protected Collectivity() {}

    Collectivity(CollectivityFields fields, AdhesionStatus status) {
        this.createdAt = Instant.now();
        update(fields);
        moveTo(status, null);
    }

    final void update(CollectivityFields f) {
        name = f.name();
        category = f.category();
        siret = Siret.Validator.normalize(f.siret());
        population = Integer.parseInt(f.population());
        canton = f.canton();
        representativeTitle = f.representativeTitle();
        representativeCivility = f.representativeCivility();
        representativeFirstName = f.representativeFirstName();
        representativeLastName = f.representativeLastName();
        referentCivility = f.referentCivility();
        referentFirstName = f.referentFirstName();
        referentLastName = f.referentLastName();
    }

    /** Once ID77 validated the adhesion, the name, SIRET and category that identify the collectivity change only by an admin. */
    boolean identityLocked() {
        return status == AdhesionStatus.ACTIVE || status == AdhesionStatus.SUSPENDED;
    }

    /** Every field but the name, SIRET and category, which stay as they are. */
    void updateKeepingIdentity(CollectivityFields f) {
        update(new CollectivityFields(
                name,
                category,
                siret,
                f.population(),
                f.canton(),
                f.representativeTitle(),
                f.representativeCivility(),
                f.representativeFirstName(),
                f.representativeLastName(),
                f.referentCivility(),
                f.referentFirstName(),
                f.referentLastName()));
    }

    CollectivityFields fields() {
        return new CollectivityFields(
                name,
                category,
                siret,
                String.valueOf(population),
                canton,
                representativeTitle,
                representativeCivility,
                representativeFirstName,
                representativeLastName,
                referentCivility,
                referentFirstName,
                referentLastName);
    }

    final void moveTo(AdhesionStatus newStatus, String reason) {
        this.status = newStatus;
        this.statusReason = reason;
        this.statusChangedAt = Instant.now();
    }

    void setWebsite(String website) {
        this.website = website;
    }

    void setLogo(String key, String contentType) {
        this.logoKey = key;
        this.logoContentType = contentType;
    }

    public String representative() {
        return representativeTitle.label() + " : " + representativeCivility.abbreviation() + " "
                + representativeFirstName + " " + representativeLastName;
    }

    public String administrativeReferent() {
        return referentCivility.abbreviation() + " " + referentFirstName + " " + referentLastName;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Category getCategory() {
        return category;
    }

    public String getSiret() {
        return siret;
    }

    public int getPopulation() {
        return population;
    }

    public Canton getCanton() {
        return canton;
    }

    public String getWebsite() {
        return website;
    }

    public String getLogoKey() {
        return logoKey;
    }

    public String getLogoContentType() {
        return logoContentType;
    }

    public AdhesionStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public long getVersion() {
        return version;
    }
}
