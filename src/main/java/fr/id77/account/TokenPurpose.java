package fr.id77.account;

import java.time.Duration;

/** What a single-use link is for, and how long it lives. */
enum TokenPurpose {
    CONFIRM_EMAIL(Duration.ofHours(48)),
    SET_PASSWORD(Duration.ofDays(7)),
    RESET_PASSWORD(Duration.ofHours(1)),
    CHANGE_EMAIL(Duration.ofHours(48));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    Duration validity() {
        return validity;
    }
}
