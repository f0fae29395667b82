package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.CurrentUser;
import fr.id77.shared.time.DemoClock;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.support.Fixtures;
import fr.id77.support.ServerTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kept anonymous page lives one day at most: an offer page shows what only the day makes past (a training's sessions
 * to come, an exhibition's calendar), and no change to the catalogue moves its version when a day goes by.
 */
class CataloguePageCacheDayTests extends ServerTest {

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        DemoClock movableClock() {
            return new DemoClock();
        }
    }

    @Autowired
    DemoClock clock;

    @Autowired
    CataloguePageCache cache;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theNextDayTheOfferPageNoLongerListsASessionThatHasBegun() {
        cache.clear();
        CurrentUser admin = new Fixtures(jdbc).admin("Daphné");
        LocalDate inTwoDays =
                LocalDate.now(clock.withZone(TimeConfiguration.PARIS)).plusDays(2);
        jdbc.sql("INSERT INTO training_session (offer_id, starts_at, ends_at, place, remote, seats, "
                        + "registration_deadline, created_by) SELECT id, :day::date + time '09:00', "
                        + ":day::date + time '12:00', 'Salle du jour, Melun', FALSE, 10, :day::date - 1, :by "
                        + "FROM offer WHERE code = 'F102'")
                .param("day", inTwoDays)
                .param("by", admin.id())
                .update();
        String shown = inTwoDays.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        HttpResponse<String> today = get("/offres/F102");
        HttpResponse<String> kept = get("/offres/F102");
        assertThat(today.body()).contains("Salle du jour, Melun").contains(shown);
        assertThat(kept.headers().firstValue("ETag")).isEqualTo(today.headers().firstValue("ETag"));

        clock.moveTo(clock.instant().plus(Duration.ofDays(3)));
        HttpResponse<String> later = get("/offres/F102");

        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).as("the session has begun: no longer to come").doesNotContain("Salle du jour, Melun");
        assertThat(later.headers().firstValue("ETag"))
                .isNotEqualTo(today.headers().firstValue("ETag"));
    }
}
