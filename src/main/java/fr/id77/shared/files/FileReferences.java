package fr.id77.shared.files;

import java.util.Collection;
import java.util.Set;

/**
 * Says which stored files a module still refers to. Every module that keeps keys of {@link FileStorage} (or files
 * under its directory) in its tables provides one: the orphan sweep ({@link OrphanFilePurge}) deletes an old file
 * only when no module claims it.
 */
public interface FileReferences {

    /** The keys, among {@code keys}, that a row of this module refers to. */
    Set<String> referencedAmong(Collection<String> keys);
}
