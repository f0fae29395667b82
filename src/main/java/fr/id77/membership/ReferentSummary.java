package fr.id77.membership;

import java.util.UUID;

/**
 * A technical referent as other modules see it (removed referents stay readable by id); {@code mailOptIn}: his
 * collectivity wants him to receive the mails of the requests he follows, each with the link of
 * {@code unsubscribeToken}.
 */
public record ReferentSummary(
        long id,
        String title,
        String fullName,
        String service,
        String email,
        String phone,
        boolean removed,
        boolean mailOptIn,
        UUID unsubscribeToken) {

    static ReferentSummary of(TechnicalReferent r) {
        return new ReferentSummary(
                r.getId(),
                r.getTitle(),
                r.getFullName(),
                r.getService(),
                r.getEmail(),
                r.getPhone(),
                r.getRemovedAt() != null,
                r.isMailOptIn(),
                r.getUnsubscribeToken());
    }
}
