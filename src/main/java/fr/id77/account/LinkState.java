package fr.id77.account;

/** What became of a single-use link sent by e-mail. */
public enum LinkState {
    VALID, USED, EXPIRED, UNKNOWN
}
