package fr.id77.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points every test application context at {@link TestDatabase} and a data directory under target/ (registered in META-INF/spring.factories). */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + db.password(),
                // uploaded files of tests go to the build directory, never to the local run's data
                "id77.data-dir=target/test-data"
        ).applyTo(context);
    }
}
