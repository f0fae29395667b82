package fr.id77.shared.web;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The one way a form's hidden version is compared with the row's: a form loaded before someone else saved
 * fails as an optimistic-lock conflict, the same exception JPA throws when the race is lost at flush time.
 */
public final class Versions {

    private Versions() {}

    /** Refuses {@code submitted}, the version the form was loaded at, when it is no longer {@code current}. */
    public static void requireCurrent(long submitted, long current, Class<?> type, Object id) {
        if (submitted != current) {
            throw new ObjectOptimisticLockingFailureException(type, id);
        }
    }
}
