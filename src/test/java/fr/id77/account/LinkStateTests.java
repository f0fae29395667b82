package fr.id77.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state of a known single-use link from its use and its expiry, without a database. */
class LinkStateTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Test
    void anUnusedLinkIsValidUntilItsExpiry() {
        assertThat(LinkState.of(false, NOW.plusSeconds(3600), NOW)).isEqualTo(LinkState.VALID);
        assertThat(LinkState.of(false, NOW, NOW)).as("at its very expiry").isEqualTo(LinkState.VALID);
        assertThat(LinkState.of(false, NOW.minusMillis(1), NOW)).isEqualTo(LinkState.EXPIRED);
    }

    @Test
    void aUsedLinkIsUsedWhetherOrNotItExpired() {
        assertThat(LinkState.of(true, NOW.plusSeconds(3600), NOW)).isEqualTo(LinkState.USED);
        assertThat(LinkState.of(true, NOW.minusSeconds(3600), NOW)).isEqualTo(LinkState.USED);
    }
}
