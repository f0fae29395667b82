package fr.id77.account;

import java.time.Instant;

/** What became of a single-use link sent by e-mail. */
public enum LinkState {
    VALID,
    USED,
    EXPIRED,
    UNKNOWN;

    /** A known link: used once it has been used, whatever its date; otherwise expired once past its expiry. */
    static LinkState of(boolean used, Instant expiresAt, Instant now) {
        if (used) {
            return USED;
        }
        return expiresAt.isBefore(now) ? EXPIRED : VALID;
    }
}
