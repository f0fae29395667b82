package fr.id77.membership;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.membership.MembershipForms.RegistrationForm;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.validation.FrenchPhone;
import fr.id77.shared.web.SearchPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration (A: e-mail confirmed) and adhesion validation by ID77 (B), refusal, suspension. */
@Service
class Adhesions {

    private final CollectivityRepository collectivities;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final ApplicationEventPublisher events;

    Adhesions(
            CollectivityRepository collectivities,
            Accounts accounts,
            MailOutbox mail,
            ApplicationEventPublisher events) {
        this.collectivities = collectivities;
        this.accounts = accounts;
        this.mail = mail;
        this.events = events;
    }

    /** Creates the collectivity and the applicant's account; throws AccountConflictException on a taken identifiant or e-mail. */
    @Transactional
    long register(RegistrationForm form) {
        Collectivity collectivity =
                collectivities.save(new Collectivity(form.collectivity(), AdhesionStatus.PENDING_EMAIL));
        var f = form.collectivity();
        accounts.registerApplicant(new NewAccount(
                form.identifiant(),
                form.email(),
                f.referentCivility().name(),
                f.referentFirstName(),
                f.referentLastName(),
                FrenchPhone.Validator.format(form.phone()),
                Role.ADHERENT,
                collectivity.getId()));
        return collectivity.getId();
    }

    /** Step A: the link of the confirmation mail was used; the adhesion now waits for ID77 (admins are told). */
    @Transactional
    boolean confirmEmail(String token) {
        Optional<Long> collectivityId = accounts.confirmRegistrationEmail(token);
        collectivityId
                .flatMap(collectivities::findById)
                .filter(c -> c.getStatus() == AdhesionStatus.PENDING_EMAIL)
                .ifPresent(c -> {
                    c.moveTo(AdhesionStatus.PENDING_VALIDATION, null);
                    events.publishEvent(new RegistrationAwaitingValidation(c.getId(), c.getName()));
                });
        return collectivityId.isPresent();
    }

    /** A registration waiting for ID77, with the accounts that asked for it. */
    record QueueEntry(Collectivity collectivity, List<AccountSummary> applicants) {}

    @Transactional(readOnly = true)
    List<QueueEntry> queue() {
        return collectivities.findByStatusOrderByCreatedAt(AdhesionStatus.PENDING_VALIDATION).stream()
                .map(c -> new QueueEntry(c, accounts.members(c.getId())))
                .toList();
    }

    /** Collectivities listed per page in the administration. */
    static final int PAGE_SIZE = 50;

    /** A page of the collectivities matching the search, by name; past the last page, the last one. */
    @Transactional(readOnly = true)
    Page<Collectivity> page(SearchPage query) {
        return query.fetch(PAGE_SIZE, Sort.by("name", "id"), collectivities::search);
    }

    /** Step B: ID77 validates; the applicants receive their identifiant and a link to choose a password. */
    @Transactional
    void validate(long id, long actorId) {
        Collectivity c = inStatus(id, AdhesionStatus.PENDING_VALIDATION);
        decide(c, AdhesionStatus.ACTIVE, null, actorId);
        accounts.activateMembers(id);
    }

    @Transactional
    void refuse(long id, String reason, long actorId) {
        Collectivity c = inStatus(id, AdhesionStatus.PENDING_VALIDATION);
        decide(c, AdhesionStatus.REFUSED, reason, actorId);
        accounts.changeMembersStatus(id, AccountStatus.PENDING, AccountStatus.REFUSED);
        accounts.members(id)
                .forEach(member -> mail.enqueue(
                        member.email(),
                        "ID77 : votre demande d'adhésion",
                        "adhesion-refusee",
                        Map.of("name", member.displayName(), "collectivity", c.getName(), "reason", reason)));
    }

    /** {@code reason} (optional, may be null or blank) goes to the journal of decisions. */
    @Transactional
    void suspend(long id, String reason, long actorId) {
        decide(inStatus(id, AdhesionStatus.ACTIVE), AdhesionStatus.SUSPENDED, reason, actorId);
        accounts.changeMembersStatus(id, AccountStatus.ACTIVE, AccountStatus.SUSPENDED);
    }

    @Transactional
    void reactivate(long id, long actorId) {
        decide(inStatus(id, AdhesionStatus.SUSPENDED), AdhesionStatus.ACTIVE, null, actorId);
        accounts.activateMembers(id);
    }

    /** Moves the adhesion and tells the audit journal who decided it, and why. */
    private void decide(Collectivity c, AdhesionStatus to, String reason, long actorId) {
        AdhesionStatus from = c.getStatus();
        String why = reason == null || reason.isBlank() ? null : reason;
        c.moveTo(to, to == AdhesionStatus.REFUSED ? why : null);
        events.publishEvent(new AdhesionStatusChanged(c.getId(), c.getName(), from, to, why, actorId));
    }

    private Collectivity inStatus(long id, AdhesionStatus expected) {
        Collectivity c = collectivities.findById(id).orElseThrow(NotFound::new);
        if (c.getStatus() != expected) {
            throw new IllegalStateException(
                    "Cette adhésion n'est plus « " + expected.label() + " » : la page a été rechargée.");
        }
        return c;
    }
}
