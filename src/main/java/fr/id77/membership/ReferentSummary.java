package fr.id77.membership;

/** A technical referent as other modules see it (removed referents stay readable by id). */
public record ReferentSummary(
        long id, String title, String fullName, String service, String email, String phone, boolean removed) {

    static ReferentSummary of(TechnicalReferent r) {
        return new ReferentSummary(
                r.getId(),
                r.getTitle(),
                r.getFullName(),
                r.getService(),
                r.getEmail(),
                r.getPhone(),
                r.getRemovedAt() != null);
    }
}
