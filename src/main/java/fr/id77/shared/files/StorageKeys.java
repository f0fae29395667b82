package fr.id77.shared.files;

import java.util.UUID;

/**
 * The keys of stored files, the same for every backend: random UUIDs, never a name a person chose, so that a key can
 * neither guess another file's nor leave the storage (no path traversal, no object outside ours).
 */
final class StorageKeys {

    private StorageKeys() {}

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** {@code key}, when it is one of ours; otherwise {@link IllegalArgumentException}. */
    static String require(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("clé de fichier invalide");
        }
        return key;
    }

    /** Whether {@code name} is a key this application made (files or objects named otherwise are left alone). */
    static boolean isKey(String name) {
        try {
            return UUID.fromString(name).toString().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
