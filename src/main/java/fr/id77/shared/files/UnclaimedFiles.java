package fr.id77.shared.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The orphan sweep's step shared by every backend: the old files it is offered are gathered {@value #BATCH} at a time,
 * the modules are asked which of them they still refer to ({@link FileReferences}), and the others are deleted.
 *
 * @param <F> how the backend names a file (a path, an object key)
 */
final class UnclaimedFiles<F> {

    /** Keys asked about at once. */
    static final int BATCH = 1000;

    /** Deletes one file; says whether it was there. */
    interface Deletion<F> {
        boolean delete(F file) throws IOException;
    }

    private final FileReferences references;
    private final Function<F, String> key;
    private final Deletion<F> deletion;
    private final List<F> batch = new ArrayList<>();
    private int deleted;

    UnclaimedFiles(FileReferences references, Function<F, String> key, Deletion<F> deletion) {
        this.references = references;
        this.key = key;
        this.deletion = deletion;
    }

    /** An old file of ours, deleted (with its batch) unless a module claims it. */
    void offer(F file) throws IOException {
        batch.add(file);
        if (batch.size() == BATCH) {
            sweep();
        }
    }

    /** Sweeps the last batch; how many files were deleted in all. */
    int finish() throws IOException {
        sweep();
        return deleted;
    }

    private void sweep() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> claimed = references.referencedAmong(batch.stream().map(key).toList());
        for (F file : batch) {
            if (!claimed.contains(key.apply(file)) && deletion.delete(file)) {
                deleted++;
            }
        }
        batch.clear();
    }
}
