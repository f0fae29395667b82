package fr.id77.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: every « now » of the domain is read from this bean, so that demo data
 * and tests can place events in the past or the future without sleeping or rewriting timestamps.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** The time zone of the département, in which dates are shown and working days counted. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The real time; in demo mode {@link DemoClock}, marked primary, is the one injected. */
    @Bean
    Clock clock() {
        return Clock.system(PARIS);
    }
}
