package fr.id77.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points every test application context at {@link TestDatabase} and a data directory under target/ (registered in META-INF/spring.factories). */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The production default is 1 s; see {@link #initialize}. */
    public static final String CATALOGUE_RECHECK = "id77.catalogue.cache.recheck";

    /** The production default is 20 per hour; see {@link #initialize}. */
    public static final String MAIL_PER_CLIENT = "id77.mail.max-per-client";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.get();
        if (!context.getEnvironment().containsProperty(MAIL_PER_CLIENT)) {
            // every MockMvc request comes from 127.0.0.1: without this, the order in which test classes run would
            // decide
            // which of them meets the per-client mail limit. Tests of that limit set it themselves (20, the default).
            TestPropertyValues.of(MAIL_PER_CLIENT + "=100000").applyTo(context);
        }
        if (!context.getEnvironment().containsProperty(CATALOGUE_RECHECK)) {
            // tests change the catalogue in the database and look at its pages in the same second: the cached pages
            // follow the catalogue's version at every request (CatalogueVersionTests covers the interval)
            TestPropertyValues.of(CATALOGUE_RECHECK + "=0s").applyTo(context);
        }
        TestPropertyValues.of(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        // uploaded files of tests go to the build directory, never to the local run's data
                        "id77.data-dir=target/test-data")
                .applyTo(context);
    }
}
