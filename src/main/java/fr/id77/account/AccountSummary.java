package fr.id77.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

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

    /** The columns of {@code app_user} that {@link #read} maps, in its order. */
    static final String COLUMNS = "id, identifiant, email, civility, first_name, last_name, phone, role, status,"
            + " email_confirmed_at IS NOT NULL, collectivity_id, created_at";

    /** A row of {@link #COLUMNS}: lists of people are read as rows, not as managed entities. */
    static AccountSummary read(ResultSet rs, int row) throws SQLException {
        return new AccountSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Role.valueOf(rs.getString(8)),
                AccountStatus.valueOf(rs.getString(9)),
                rs.getBoolean(10),
                (Long) rs.getObject(11),
                rs.getObject(12, OffsetDateTime.class).toInstant());
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
