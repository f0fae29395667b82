package fr.id77.account;

import fr.id77.shared.web.FieldRefusal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A person who signs in: staff of a member collectivity, a chef de file or an admin. */
@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String identifiant;
    private String email;
    private String civility;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String phone;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "collectivity_id")
    private Long collectivityId;

    @Column(name = "email_confirmed_at")
    private Instant emailConfirmedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(String identifiant, String email, Role role, AccountStatus status, Long collectivityId) {
        this.identifiant = identifiant;
        this.email = email;
        this.role = role;
        this.status = status;
        this.collectivityId = collectivityId;
        this.createdAt = Instant.now();
    }

    void rename(String civility, String firstName, String lastName, String phone) {
        this.civility = civility;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
    }

    boolean canSignIn() {
        return status == AccountStatus.ACTIVE && passwordHash != null;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, identifiant, firstName, displayName(), Set.of(role), collectivityId);
    }

    String displayName() {
        return (firstName + " " + lastName).strip();
    }

    void confirmEmail() {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = Instant.now();
        }
    }

    void changeEmail(String newEmail) {
        this.email = newEmail;
        this.emailConfirmedAt = Instant.now();
    }

    /**
     * Sets a password chosen by its holder: whatever form it came through, the account refuses one the policy refuses
     * (too short, containing the identifiant, too common), and keeps only its hash.
     */
    void choosePassword(String password, PasswordPolicy policy, PasswordEncoder encoder) {
        policy.problem(password, identifiant).ifPresent(problem -> {
            throw new FieldRefusal("password", problem);
        });
        this.passwordHash = encoder.encode(password);
    }

    /** A hash made elsewhere (demo accounts, whose password is published and not checked against the policy). */
    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setStatus(AccountStatus status) {
        this.status = status;
    }

    Long getId() {
        return id;
    }

    String getIdentifiant() {
        return identifiant;
    }

    String getEmail() {
        return email;
    }

    String getCivility() {
        return civility;
    }

    String getFirstName() {
        return firstName;
    }

    String getLastName() {
        return lastName;
    }

    String getPhone() {
        return phone;
    }

    Role getRole() {
        return role;
    }

    AccountStatus getStatus() {
        return status;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Long getCollectivityId() {
        return collectivityId;
    }

    Instant getEmailConfirmedAt() {
        return emailConfirmedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
