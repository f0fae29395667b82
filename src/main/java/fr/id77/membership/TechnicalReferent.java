package fr.id77.membership;

import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.validation.FrenchPhone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A « contact technique » of a collectivity; removed ones are kept for the requests that name them. */
@Entity
@Table(name = "technical_referent")
class TechnicalReferent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "collectivity_id")
    private long collectivityId;

    private String title;

    @Column(name = "full_name")
    private String fullName;

    private String service;
    private String email;
    private String phone;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "mail_opt_in")
    private boolean mailOptIn;

    @Column(name = "unsubscribe_token")
    private UUID unsubscribeToken;

    @Version
    private long version;

    protected TechnicalReferent() {}

    TechnicalReferent(long collectivityId, ReferentForm form) {
        this.collectivityId = collectivityId;
        this.createdAt = Instant.now();
        this.unsubscribeToken = UUID.randomUUID();
        update(form);
    }

    final void update(ReferentForm f) {
        title = f.title();
        fullName = f.fullName();
        service = f.service();
        email = f.email();
        phone = FrenchPhone.Validator.format(f.phone());
        mailOptIn = Boolean.TRUE.equals(f.mailOptIn());
    }

    /** The referent clicked the link of a mail: no more mails until his collectivity ticks it again. */
    void unsubscribe() {
        mailOptIn = false;
    }

    ReferentForm toForm() {
        return new ReferentForm(title, fullName, service, email, phone, mailOptIn, version);
    }

    void remove() {
        if (removedAt == null) {
            removedAt = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public long getCollectivityId() {
        return collectivityId;
    }

    public String getTitle() {
        return title;
    }

    public String getFullName() {
        return fullName;
    }

    public String getService() {
        return service;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public boolean isMailOptIn() {
        return mailOptIn;
    }

    public UUID getUnsubscribeToken() {
        return unsubscribeToken;
    }

    public long getVersion() {
        return version;
    }
}
