package fr.id77.account;

/** An admin disabled an account or enabled it again, published in the transaction of the change (audit). */
public record AccountStatusChanged(
        long accountId, String accountName, AccountStatus from, AccountStatus to, long actorId) {}
