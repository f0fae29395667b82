package fr.id77.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Where uploaded files live, for every module; callers keep the returned key in their own tables. One backend per
 * application, chosen by configuration ({@link StorageConfiguration}): a folder, or an S3 bucket shared by instances.
 */
public interface FileStorage {

    /**
     * Streams the content to storage, refusing more than {@code maxBytes} ({@link TooLargeException}); a file is
     * visible only once complete (a temporary file moved into place, an S3 object or multipart upload completed), and
     * a refused or interrupted one leaves nothing behind. Returns its key (random: never the name the person
     * uploaded) and its size.
     */
    Stored store(InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key);

    /** Throws when files can be neither written nor read (the storage's health: readiness of the instance). */
    default void checkAvailable() throws IOException {}

    /**
     * The orphan sweep: deletes the files written before {@code writtenBefore} that no module refers to (a crash
     * between writing a file and committing its row, a deletion that failed), and abandoned partial uploads. Files
     * younger than that are left alone: their transaction may still be running. Returns how many were deleted.
     */
    default int deleteUnreferenced(Instant writtenBefore, FileReferences references) throws IOException {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " ne sait pas encore chercher ses fichiers orphelins");
    }

    /** A stored file: the key its owner keeps in its own table, and its size in bytes. */
    record Stored(String key, long size) {}

    /** The content was larger than allowed. */
    class TooLargeException extends IOException {
        public TooLargeException() {
            super("fichier trop volumineux");
        }
    }
}
