package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A form saved after someone else's change is refused as a lock conflict; an up-to-date one goes through. */
class VersionsTests {

    private static final Object ID = Long.valueOf(7);

    @Test
    void aFormLoadedBeforeAnotherSaveIsRefusedAsAConflict() {
        assertThatThrownBy(() -> Versions.requireCurrent(3L, 4L, String.class, ID))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> Versions.requireCurrent(0L, 4L, String.class, ID))
                .as("a form without its version is not up to date")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> Versions.requireCurrent(5L, 4L, String.class, ID))
                .as("nor is one claiming a version the row never had")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void aFormAtTheCurrentVersionGoesThrough() {
        assertThatCode(() -> Versions.requireCurrent(4L, 4L, String.class, ID)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireCurrent(0L, 0L, String.class, ID)).doesNotThrowAnyException();
    }
}
