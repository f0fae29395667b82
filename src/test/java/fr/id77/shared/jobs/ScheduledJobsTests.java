package fr.id77.shared.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One mechanism for every scheduled job, so that each runs once across instances: the class of every {@code @Scheduled}
 * method goes through {@link ClusterLock}, directly or through {@link Purges}. (Spring Session's own cleanup scheduler
 * is off: {@code ExpiredSessionPurge} runs it under the lock.)
 */
class ScheduledJobsTests {

    private static final DescribedPredicate<JavaClass> UNDER_CLUSTER_LOCK = DescribedPredicate.describe(
            "go through ClusterLock or Purges",
            type -> type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().isEquivalentTo(ClusterLock.class)
                            || d.getTargetClass().isEquivalentTo(Purges.class)));

    @Test
    void everyScheduledJobRunsUnderTheClusterLock() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.id77");

        methods()
                .that()
                .areAnnotatedWith(Scheduled.class)
                .should()
                .beDeclaredInClassesThat(UNDER_CLUSTER_LOCK)
                .check(classes);
    }
}
