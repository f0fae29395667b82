package fr.id77.account;

/**
 * Someone created an account by invitation, giving it a role (chef de file or admin invited by an admin, a
 * colleague by a member of the collectivity), published in the transaction of the invitation (audit).
 */
public record AccountInvited(long accountId, String accountName, Role role, Long collectivityId, long actorId) {}
