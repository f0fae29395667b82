package fr.id77.shared.files;

import java.io.IOException;
import java.io.InputStream;

/** Where uploaded files live; callers keep the returned key in their own tables. */
public interface FileStorage {

    /** Streams the content to storage, refusing more than {@code maxBytes}; returns its key. */
    String store(InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key);

    /** Throws when files can be neither written nor read (the storage's health: readiness of the instance). */
    default void checkAvailable() throws IOException {
    }

    /** The content was larger than allowed. */
    class TooLargeException extends IOException {
        public TooLargeException() {
            super("fichier trop volumineux");
        }
    }
}
