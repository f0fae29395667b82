package fr.id77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of {@code fr.id77} and who may depend on whom: {@link #modulesRespectTheirBoundaries()} enforces the
 * {@code allowedDependencies} of each {@code package-info.java}; {@link #theDependencyGraphIsTheDocumentedOne()}
 * writes the graph down, so that a new arrow between modules is a decision, not an accident.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Id77Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * account at the bottom; catalogue and membership on it; favourites and requests on top of those;
     * notifications and audit only listen to the others' events and read their facades: no module depends on them,
     * nor on requests or favourites except notifications (which reacts to {@code RequestEvents}); the dashboards read
     * everyone's facades, the journal of decisions included (only reads: {@code RecentDecisions}), and nobody depends
     * on them.
     */
    @Test
    void theDependencyGraphIsTheDocumentedOne() {
        Map<String, Set<String>> expected = new TreeMap<>(Map.of(
                "shared", Set.of(),
                "account", Set.of("shared"),
                "catalogue", Set.of("account", "shared"),
                "membership", Set.of("account", "shared"),
                "favourites", Set.of("account", "catalogue", "shared"),
                "requests", Set.of("account", "catalogue", "membership", "shared"),
                "notifications",
                        Set.of("account", "catalogue", "loans", "membership", "requests", "shared", "trainings"),
                "audit", Set.of("account", "catalogue", "membership", "shared"),
                "statistics", Set.of("account", "catalogue", "membership", "requests", "shared", "trainings"),
                "dashboard", Set.of("account", "audit", "catalogue", "membership", "requests", "shared")));
        expected.put("loans", Set.of("account", "catalogue", "membership", "requests", "shared"));
        // training sessions: on catalogue and membership; notifications tells of their events, statistics reads figures
        expected.put("trainings", Set.of("account", "catalogue", "membership", "shared"));
        Map<String, Set<String>> actual = modules.stream()
                .collect(Collectors.toMap(
                        ModularityTests::name,
                        m -> m.getDirectDependencies(modules)
                                .uniqueModules()
                                .map(ModularityTests::name)
                                .filter(d -> !d.equals(name(m)))
                                .collect(Collectors.toCollection(TreeSet::new)),
                        (a, b) -> a,
                        TreeMap::new));
        assertThat(actual).isEqualTo(expected);
        for (String listener : Set.of("notifications", "audit", "dashboard")) {
            assertThat(actual.entrySet())
                    .as("nobody calls " + listener + " (the dashboards only read the journal)")
                    .noneMatch(e -> e.getValue().contains(listener)
                            && !(e.getKey().equals("dashboard") && listener.equals("audit")));
        }
        assertThat(actual.get("account"))
                .as("account depends on no business module")
                .containsOnly("shared");
        assertThat(actual.get("catalogue")).doesNotContain("requests", "membership", "favourites");
        assertThat(actual.get("membership")).doesNotContain("requests", "catalogue");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
