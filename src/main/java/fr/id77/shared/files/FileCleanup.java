package fr.id77.shared.files;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties files to the transaction that refers to them: a file replaced or dropped is deleted only once the
 * transaction has committed (a rollback keeps pointing at a file that still exists), and a file written for
 * a transaction that rolls back is deleted (no orphan). Outside a transaction the action runs at once. What this
 * cannot catch (an instance that dies before its transaction ends, a deletion that fails) is swept at night by
 * {@link OrphanFilePurge}.
 */
public final class FileCleanup {

    private FileCleanup() {}

    /** Runs {@code delete} after the current transaction commits; never if it rolls back. */
    public static void afterCommit(Runnable delete) {
        when(true, delete);
    }

    /** Runs {@code delete} if the current transaction rolls back; never if it commits. */
    public static void onRollback(Runnable delete) {
        when(false, delete);
    }

    private static void when(boolean committed, Runnable delete) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (committed) {
                delete.run();
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == committed) {
                    delete.run();
                }
            }
        });
    }
}
