package fr.id77.account;

import fr.id77.shared.mail.MailQuota;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do with accounts: register applicants, activate or suspend members, invite. */
@Service
public class Accounts {

    private final UserAccountRepository users;
    private final Tokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final SignedInSessions sessions;
    private final LinkMails links;
    private final MailQuota quota;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Accounts(
            UserAccountRepository users,
            Tokens tokens,
            PasswordEncoder passwordEncoder,
            SignedInSessions sessions,
            LinkMails links,
            MailQuota quota,
            ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.links = links;
        this.quota = quota;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public boolean identifiantTaken(String identifiant) {
        return users.existsByIdentifiant(identifiant);
    }

    @Transactional(readOnly = true)
    public boolean emailTaken(String email) {
        return users.existsByEmail(email);
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> summary(long userId) {
        return users.findById(userId).map(AccountSummary::of);
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> byIdentifiant(String identifiant) {
        return users.findByIdentifiant(identifiant).map(AccountSummary::of);
    }

    @Transactional(readOnly = true)
    public List<AccountSummary> members(long collectivityId) {
        return users.findByCollectivityIdOrderByCreatedAt(collectivityId).stream()
                .map(AccountSummary::of)
                .toList();
    }

    /**
     * Every ID77 staff account (chefs de file and admins), whatever its status, by name: in one statement.
     * Only {@link AccountStatus#ACTIVE} ones may be given new work; the others still name who led something.
     */
    @Transactional(readOnly = true)
    public List<AccountSummary> staff() {
        return jdbc.sql("SELECT " + AccountSummary.COLUMNS + " FROM app_user WHERE role IN ('CHEF_DE_FILE', 'ADMIN')"
                        + " ORDER BY last_name, first_name, identifiant")
                .query(AccountSummary::read)
                .list();
    }

    /** Whether this account is active ID77 staff (chef de file or admin): the only people who may be given a request. */
    @Transactional(readOnly = true)
    public boolean isActiveStaff(long userId) {
        return users.findById(userId)
                .filter(u -> (u.getRole() == Role.CHEF_DE_FILE || u.getRole() == Role.ADMIN)
                        && u.getStatus() == AccountStatus.ACTIVE)
                .isPresent();
    }

    /** Several accounts in one statement, by id; unknown ids are absent from the map. */
    @Transactional(readOnly = true)
    public Map<Long, AccountSummary> summaries(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + AccountSummary.COLUMNS + " FROM app_user WHERE id = ANY(?)")
                .param(userIds.toArray(Long[]::new))
                .query(AccountSummary::read)
                .stream()
                .collect(Collectors.toMap(AccountSummary::id, Function.identity()));
    }

    /** The active accounts with this role (e.g. the admins to tell of a new registration). */
    @Transactional(readOnly = true)
    public List<AccountSummary> active(Role role) {
        return users.findByRoleAndStatusOrderById(role, AccountStatus.ACTIVE).stream()
                .map(AccountSummary::of)
                .toList();
    }

    /**
     * Creates a not-yet-validated account and mails the link confirming its e-mail address (48 h).
     * Throws {@link MailQuota.Exceeded} (and creates nothing) when too many mails were asked for lately.
     */
    @Transactional
    public long registerApplicant(NewAccount applicant) {
        UserAccount user = create(applicant, AccountStatus.PENDING);
        quota.acquire(user.getEmail());
        sendRegistrationConfirmation(user);
        return user.getId();
    }

    @Transactional(readOnly = true)
    public LinkState registrationLinkState(String token) {
        return tokens.check(token, EnumSet.of(TokenPurpose.CONFIRM_EMAIL)).state();
    }

    /** Uses a registration link: the e-mail is confirmed; returns the applicant's collectivity. */
    @Transactional
    public Optional<Long> confirmRegistrationEmail(String token) {
        return tokens.consume(token, EnumSet.of(TokenPurpose.CONFIRM_EMAIL))
                .flatMap(t -> users.findById(t.userId()))
                .map(user -> {
                    user.confirmEmail();
                    return user.getCollectivityId();
                });
    }

    /**
     * Sends a new registration link when this address belongs to an unconfirmed applicant; else nothing.
     * Throws {@link MailQuota.Exceeded} when too many mails were asked for lately.
     */
    @Transactional
    public void resendRegistrationConfirmation(String email) {
        users.findByEmail(email)
                .filter(u -> u.getStatus() == AccountStatus.PENDING && u.getEmailConfirmedAt() == null)
                .ifPresent(user -> {
                    quota.acquire(user.getEmail());
                    sendRegistrationConfirmation(user);
                });
    }

    private void sendRegistrationConfirmation(UserAccount user) {
        links.send(
                user,
                TokenPurpose.CONFIRM_EMAIL,
                user.getEmail(),
                null,
                "confirmation-inscription",
                "ID77 : confirmez votre adresse e-mail");
    }

    /**
     * The adhesion is validated: pending applicants become active and receive their identifiant with a
     * link to choose their password; suspended members are active again.
     */
    @Transactional
    public void activateMembers(long collectivityId) {
        for (UserAccount user : users.findByCollectivityIdOrderByCreatedAt(collectivityId)) {
            if (user.getStatus() == AccountStatus.PENDING) {
                user.confirmEmail();
                user.setStatus(AccountStatus.ACTIVE);
                sendPasswordChoice(user, "bienvenue", "ID77 : votre adhésion est validée");
            } else if (user.getStatus() == AccountStatus.SUSPENDED) {
                user.setStatus(AccountStatus.ACTIVE);
            }
        }
    }

    /** Moves the members of a collectivity from one status to another (refusal, suspension). */
    @Transactional
    public void changeMembersStatus(long collectivityId, AccountStatus from, AccountStatus to) {
        users.findByCollectivityIdOrderByCreatedAt(collectivityId).stream()
                .filter(u -> u.getStatus() == from)
                .forEach(u -> {
                    u.setStatus(to);
                    if (to != AccountStatus.ACTIVE) {
                        sessions.endAll(u.getIdentifiant());
                    }
                });
    }

    /**
     * Creates an active account without password and mails it a link to choose one (7 days).
     * Throws {@link MailQuota.Exceeded} (and creates nothing) when too many mails were asked for lately.
     * The mail's subject is fixed: nothing the inviter typed (their name, the invited person's) goes into it.
     */
    @Transactional
    public long invite(NewAccount invited) {
        UserAccount user = create(invited, AccountStatus.ACTIVE);
        quota.acquire(user.getEmail());
        user.confirmEmail();
        sendPasswordChoice(user, "invitation", "ID77 : votre invitation sur la plateforme");
        return user.getId();
    }

    /** {@link #invite(NewAccount)} by a signed-in person, recorded in the journal of decisions. */
    @Transactional
    public long invite(NewAccount invited, CurrentUser invitedBy) {
        long id = invite(invited);
        events.publishEvent(new AccountInvited(
                id,
                (invited.firstName() + " " + invited.lastName()).strip() + " (" + invited.identifiant() + ")",
                invited.role(),
                invited.collectivityId(),
                invitedBy.id()));
        return id;
    }

    /** Demo data only: an active account with this password, not checked against the policy. */
    @Transactional
    public void createDemoAccount(NewAccount account, String password) {
        if (users.existsByIdentifiant(account.identifiant())) {
            return;
        }
        UserAccount user = create(account, AccountStatus.ACTIVE);
        user.confirmEmail();
        user.setPasswordHash(passwordEncoder.encode(password));
    }

    /** Demo data only: marks an applicant's e-mail as confirmed without the link. */
    @Transactional
    public void confirmDemoEmail(String identifiant) {
        users.findByIdentifiant(identifiant).ifPresent(UserAccount::confirmEmail);
    }

    void sendPasswordChoice(UserAccount user, String template, String subject) {
        links.send(user, TokenPurpose.SET_PASSWORD, user.getEmail(), null, template, subject);
    }

    private UserAccount create(NewAccount a, AccountStatus status) {
        if (users.existsByIdentifiant(a.identifiant())) {
            throw new AccountConflictException("identifiant");
        }
        if (users.existsByEmail(a.email())) {
            throw new AccountConflictException("email");
        }
        UserAccount user = new UserAccount(a.identifiant(), a.email(), a.role(), status, a.collectivityId());
        user.rename(a.civility(), a.firstName(), a.lastName(), a.phone());
        try {
            return users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw conflict(e);
        }
    }

    static AccountConflictException conflict(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return new AccountConflictException(message.contains("identifiant") ? "identifiant" : "email");
    }
}
