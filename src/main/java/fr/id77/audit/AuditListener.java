package fr.id77.audit;

import fr.id77.account.AccountInvited;
import fr.id77.account.AccountStatus;
import fr.id77.account.AccountStatusChanged;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.catalogue.OfferLeadChanged;
import fr.id77.catalogue.OfferPublicationChanged;
import fr.id77.catalogue.Offers;
import fr.id77.membership.AdhesionStatus;
import fr.id77.membership.AdhesionStatusChanged;
import fr.id77.membership.Collectivities;
import fr.id77.membership.CollectivitySummary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the decisions published by membership, account and catalogue into journal entries. It runs inside
 * the publisher's transaction: the entry exists if and only if the decision does (a failure to write it
 * undoes the decision).
 */
@Component
class AuditListener {

    private final AuditJournal journal;
    private final Accounts accounts;
    private final Offers offers;
    private final Collectivities collectivities;

    AuditListener(AuditJournal journal, Accounts accounts, Offers offers, Collectivities collectivities) {
        this.journal = journal;
        this.accounts = accounts;
        this.offers = offers;
        this.collectivities = collectivities;
    }

    @EventListener
    void on(AdhesionStatusChanged e) {
        AuditAction action = switch (e.to()) {
            case ACTIVE ->
                e.from() == AdhesionStatus.SUSPENDED
                        ? AuditAction.COLLECTIVITY_REACTIVATED
                        : AuditAction.ADHESION_VALIDATED;
            case REFUSED -> AuditAction.ADHESION_REFUSED;
            case SUSPENDED -> AuditAction.COLLECTIVITY_SUSPENDED;
            default -> null;
        };
        if (action != null) {
            journal.record(
                    e.actorId(),
                    action,
                    e.collectivityId(),
                    e.collectivityName(),
                    detail(e.reason(), e.from().label() + " → " + e.to().label()));
        }
    }

    @EventListener
    void on(AccountStatusChanged e) {
        AuditAction action =
                e.to() == AccountStatus.DISABLED ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED;
        journal.record(
                e.actorId(), action, e.accountId(), e.accountName(), e.from().label() + " → " + e.to().label());
    }

    @EventListener
    void on(AccountInvited e) {
        String where = e.collectivityId() == null
                ? "ID77"
                : collectivities
                        .byId(e.collectivityId())
                        .map(CollectivitySummary::name)
                        .orElse("collectivité n° " + e.collectivityId());
        journal.record(
                e.actorId(),
                AuditAction.ACCOUNT_INVITED,
                e.accountId(),
                e.accountName(),
                "Rôle : " + e.role().label() + " · " + where);
    }

    @EventListener
    void on(OfferPublicationChanged e) {
        journal.record(
                e.actorId(),
                e.published() ? AuditAction.OFFER_PUBLISHED : AuditAction.OFFER_WITHDRAWN,
                e.offerId(),
                e.code() + " – " + e.title(),
                e.published() ? "Visible dans le catalogue" : "Retirée du catalogue et de la recherche");
    }

    @EventListener
    void on(OfferLeadChanged e) {
        String label = offers.byIds(List.of(e.offerId())).values().stream()
                .findFirst()
                .map(o -> o.code() + " – " + o.title())
                .orElse("offre n° " + e.offerId());
        Map<Long, AccountSummary> names =
                accounts.summaries(Arrays.stream(new Long[] {e.previousChefDeFileId(), e.chefDeFileId()})
                        .filter(Objects::nonNull)
                        .toList());
        journal.record(
                e.actorId(),
                AuditAction.OFFER_LEAD_CHANGED,
                e.offerId(),
                label,
                "Chef de file : " + name(names, e.previousChefDeFileId()) + " → " + name(names, e.chefDeFileId()));
    }

    private static String name(Map<Long, AccountSummary> names, Long id) {
        if (id == null) {
            return "aucun";
        }
        AccountSummary a = names.get(id);
        return a == null ? "compte n° " + id : a.displayName();
    }

    /** What the admin wrote, else what changed. */
    private static String detail(String reason, String change) {
        return reason == null || reason.isBlank() ? change : reason.strip();
    }
}
