package fr.id77.account;

import java.time.Instant;

/** An account as other modules see it. */
public record AccountSummary(
        long id,
        String identifiant,
        String email,
        String civility,
        String firstName,
        String lastName,
        String phone,
        Role role,
        AccountStatus status,
        boolean emailConfirmed,
        Long collectivityId,
        Instant createdAt) {

    public String displayName() {
        return (firstName + " " + lastName).strip();
    }

    static AccountSummary of(UserAccount u) {
        return new AccountSummary(
                u.getId(),
                u.getIdentifiant(),
                u.getEmail(),
                u.getCivility(),
                u.getFirstName(),
                u.getLastName(),
                u.getPhone(),
                u.getRole(),
                u.getStatus(),
                u.getEmailConfirmedAt() != null,
                u.getCollectivityId(),
                u.getCreatedAt());
    }
}
