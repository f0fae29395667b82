package fr.id77.account;

import java.time.Duration;

/** What a single-use link is for, how long it lives and which page it opens. */
enum TokenPurpose {
    CONFIRM_EMAIL(Duration.ofHours(48), "/inscription/confirmation"),
    SET_PASSWORD(Duration.ofDays(7), "/mot-de-passe/nouveau"),
    RESET_PASSWORD(Duration.ofHours(1), "/mot-de-passe/nouveau"),
    CHANGE_EMAIL(Duration.ofHours(48), "/compte/courriel/confirmation");

    private final Duration validity;
    private final String page;

    TokenPurpose(Duration validity, String page) {
        this.validity = validity;
        this.page = page;
    }

    /** The page the link opens ({@code ?jeton=…} is added). */
    String page() {
        return page;
    }

    Duration validity() {
        return validity;
    }
}
