package fr.id77.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Domains, thematics and typologies: reference data that only migrations change, read once and
 * kept in memory so that no catalogue page spends a query on them.
 */
@Component
public class CatalogueReference {

    /** A domain with its thematics, in display order. */
    public record DomainRef(short id, String slug, String label, String icon, List<ThematicRef> thematics) {}

    public record ThematicRef(short id, short domainId, String slug, String label) {}

    public record TypologyRef(short id, String slug, String label) {}

    private record Snapshot(
            List<DomainRef> domains,
            Map<String, DomainRef> domainsBySlug,
            Map<Short, DomainRef> domainsById,
            Map<String, ThematicRef> thematicsBySlug,
            Map<Short, ThematicRef> thematicsById,
            List<TypologyRef> typologies,
            Map<String, TypologyRef> typologiesBySlug,
            Map<Short, TypologyRef> typologiesById) {}

    private final DomainRepository domains;
    private final ThematicRepository thematics;
    private final TypologyRepository typologies;
    private volatile Snapshot snapshot;

    CatalogueReference(DomainRepository domains, ThematicRepository thematics, TypologyRepository typologies) {
        this.domains = domains;
        this.thematics = thematics;
        this.typologies = typologies;
    }

    /** Reads the reference data once the application is up, so that no page pays for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        snapshot();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<Short, List<ThematicRef>> byDomain = thematics.findAllByOrderByDomainIdAscPositionAsc().stream()
                .map(t -> new ThematicRef(t.getId(), t.getDomainId(), t.getSlug(), t.getLabel()))
                .collect(Collectors.groupingBy(ThematicRef::domainId, LinkedHashMap::new, Collectors.toList()));
        List<DomainRef> domainList = domains.findAllByOrderByPosition().stream()
                .map(d -> new DomainRef(
                        d.getId(),
                        d.getSlug(),
                        d.getLabel(),
                        d.getIcon(),
                        List.copyOf(byDomain.getOrDefault(d.getId(), List.of()))))
                .toList();
        List<TypologyRef> typologyList = typologies.findAllByOrderByPosition().stream()
                .map(t -> new TypologyRef(t.getId(), t.getSlug(), t.getLabel()))
                .toList();
        Map<String, ThematicRef> thematicsBySlug = domainList.stream()
                .flatMap(d -> d.thematics().stream())
                .collect(Collectors.toMap(ThematicRef::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return new Snapshot(
                domainList,
                index(domainList, DomainRef::slug),
                index(domainList, DomainRef::id),
                thematicsBySlug,
                index(List.copyOf(thematicsBySlug.values()), ThematicRef::id),
                typologyList,
                index(typologyList, TypologyRef::slug),
                index(typologyList, TypologyRef::id));
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public List<DomainRef> domains() {
        return snapshot().domains();
    }

    public List<TypologyRef> typologies() {
        return snapshot().typologies();
    }

    public Optional<DomainRef> domain(String slug) {
        return Optional.ofNullable(snapshot().domainsBySlug().get(slug));
    }

    public DomainRef domain(short id) {
        return snapshot().domainsById().get(id);
    }

    public Optional<ThematicRef> thematic(String slug) {
        return Optional.ofNullable(snapshot().thematicsBySlug().get(slug));
    }

    /** The thematic with this id; null when there is none. */
    public ThematicRef thematic(short id) {
        return snapshot().thematicsById().get(id);
    }

    public Optional<TypologyRef> typology(String slug) {
        return Optional.ofNullable(snapshot().typologiesBySlug().get(slug));
    }

    public TypologyRef typology(short id) {
        return snapshot().typologiesById().get(id);
    }
}
