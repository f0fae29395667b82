package fr.id77.membership;

/** A collectivity as other modules see it. */
public record CollectivitySummary(long id, String name, String category, AdhesionStatus status, boolean hasLogo) {

    static CollectivitySummary of(Collectivity c) {
        return new CollectivitySummary(
                c.getId(), c.getName(), c.getCategory().label(), c.getStatus(), c.getLogoKey() != null);
    }
}
