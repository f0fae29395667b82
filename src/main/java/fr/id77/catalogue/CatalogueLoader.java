package fr.id77.catalogue;

import fr.id77.shared.jobs.ClusterLock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the initial catalogue shipped with the application ({@code catalogue/offres.json}) into an
 * empty catalogue, in every mode. Once offers exist, admins manage them and the file is not read again.
 */
@Component
@Order(0)
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);
    static final String RESOURCE = "catalogue/offres.json";
    /** Instances starting at once on an empty database load the catalogue one after the other (once, then). */
    static final long LOCK_KEY = 77_000_201L;

    record OfferData(
            String code,
            String title,
            String summary,
            String description,
            String typology,
            List<String> domains,
            List<String> thematics,
            String organisation,
            String practicalInfo,
            List<String> keywords,
            boolean billed,
            LocalDate publishedOn) {}

    private final OfferRepository offers;
    private final DomainRepository domains;
    private final ThematicRepository thematics;
    private final TypologyRepository typologies;
    private final OrganisationRepository organisations;
    private final JsonMapper json;
    private final ClusterLock lock;

    CatalogueLoader(
            OfferRepository offers,
            DomainRepository domains,
            ThematicRepository thematics,
            TypologyRepository typologies,
            OrganisationRepository organisations,
            JsonMapper json,
            ClusterLock lock) {
        this.offers = offers;
        this.domains = domains;
        this.thematics = thematics;
        this.typologies = typologies;
        this.organisations = organisations;
        this.json = json;
        this.lock = lock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        lock.holdUntilTransactionEnds(LOCK_KEY);
        if (offers.count() > 0) {
            return;
        }
        List<OfferData> data;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            data = json.readValue(in, new TypeReference<List<OfferData>>() {});
        }
        Map<String, Domain> domainBySlug = bySlug(domains.findAll(), Domain::getSlug);
        Map<String, Thematic> thematicBySlug = bySlug(thematics.findAll(), Thematic::getSlug);
        Map<String, Typology> typologyBySlug = bySlug(typologies.findAll(), Typology::getSlug);
        Map<String, Organisation> organisationBySlug = bySlug(organisations.findAll(), Organisation::getSlug);
        for (OfferData d : data) {
            Offer offer = new Offer(
                    d.code(),
                    d.title(),
                    d.summary(),
                    d.description(),
                    required(typologyBySlug, d.typology(), d.code()),
                    required(organisationBySlug, d.organisation(), d.code()),
                    d.practicalInfo(),
                    d.keywords() == null ? List.of() : d.keywords(),
                    d.billed(),
                    d.publishedOn());
            d.domains().forEach(s -> offer.getDomains().add(required(domainBySlug, s, d.code())));
            d.thematics().forEach(s -> offer.getThematics().add(required(thematicBySlug, s, d.code())));
            offers.save(offer);
        }
        log.info("Catalogue initial chargé : {} offres", data.size());
    }

    private static <T> Map<String, T> bySlug(List<T> values, Function<T, String> slug) {
        return values.stream().collect(Collectors.toMap(slug, Function.identity()));
    }

    private static <T> T required(Map<String, T> map, String slug, String code) {
        T value = map.get(slug);
        if (value == null) {
            throw new IllegalStateException(
                    "Offre " + code + " : référence inconnue « " + slug + " » dans " + RESOURCE);
        }
        return value;
    }
}
