package fr.id77.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An offer of the catalogue (« offre de service »). */
@Entity
@Table(name = "offer")
class Offer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String title;
    private String summary;
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "typology_id")
    private Typology typology;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ManyToMany
    @JoinTable(name = "offer_domain", joinColumns = @JoinColumn(name = "offer_id"),
            inverseJoinColumns = @JoinColumn(name = "domain_id"))
    private Set<Domain> domains = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "offer_thematic", joinColumns = @JoinColumn(name = "offer_id"),
            inverseJoinColumns = @JoinColumn(name = "thematic_id"))
    private Set<Thematic> thematics = new LinkedHashSet<>();

    @Column(name = "practical_info")
    private String practicalInfo;
    private String keywords;
    private boolean billed;
    private boolean published;
    @Column(name = "published_on")
    private LocalDate publishedOn;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Offer() {
    }

    Offer(String code, String title, String summary, String description, Typology typology,
          Organisation organisation, String practicalInfo, List<String> keywords, boolean billed,
          LocalDate publishedOn) {
        this.code = code;
        this.title = title;
        this.summary = summary;
        this.description = description;
        this.typology = typology;
        this.organisation = organisation;
        this.practicalInfo = practicalInfo == null ? "" : practicalInfo;
        this.keywords = String.join(", ", keywords);
        this.billed = billed;
        this.published = true;
        this.publishedOn = publishedOn;
        this.updatedAt = Instant.now();
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getTitle() { return title; }
    String getSummary() { return summary; }
    String getDescription() { return description; }
    Typology getTypology() { return typology; }
    Organisation getOrganisation() { return organisation; }
    Set<Domain> getDomains() { return domains; }
    Set<Thematic> getThematics() { return thematics; }
    String getPracticalInfo() { return practicalInfo; }
    boolean isBilled() { return billed; }
    boolean isPublished() { return published; }
    LocalDate getPublishedOn() { return publishedOn; }

    List<String> getKeywordList() {
        if (keywords == null || keywords.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}
