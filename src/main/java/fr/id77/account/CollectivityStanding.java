package fr.id77.account;

/**
 * What accounts must know of a member's collectivity, answered by the membership module (which depends on
 * accounts, never the reverse): an account is not given back to a member whose collectivity may not act.
 */
public interface CollectivityStanding {

    /** Whether the collectivity's adhesion is active. */
    boolean isActive(long collectivityId);
}
