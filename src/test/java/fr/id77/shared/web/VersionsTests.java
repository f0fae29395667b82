package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A form saved after someone else's change is refused as a lock conflict; an up-to-date one goes through. */
class VersionsTests {

    @Test
    void aFormLoadedBeforeAnotherSaveIsRefusedAsAConflict() {
        assertThatThrownBy(() -> Versions.requireCurrent(3L, 4L, String.class, 7L))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void aFormAtTheCurrentVersionGoesThrough() {
        assertThatCode(() -> Versions.requireCurrent(4L, 4L, String.class, 7L)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireCurrent(null, 4L, String.class, 7L)).doesNotThrowAnyException();
    }
}
