package fr.id77.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Filesystem storage of request files under {@code id77.data-dir/files/requests}. Keys are random; a
 * file is streamed to a temporary name and moved into place, so a half-written file is never served.
 */
@Component
class AttachmentStore {

    private final Path root;

    AttachmentStore(@Value("${id77.data-dir}") Path dataDir) {
        this.root =
                dataDir.resolve("files").resolve("requests").toAbsolutePath().normalize();
    }

    /** Streams {@code content} into a new file, refusing more than {@code maxBytes}; returns its key and size. */
    Stored store(InputStream content, long maxBytes) throws IOException, TooLargeException {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), key, ".part");
        long size = 0;
        try (InputStream in = content;
                var out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | TooLargeException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, size);
    }

    InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        UUID.fromString(key); // only our own keys: never a name from outside
        Path p = root.resolve(key.substring(0, 2)).resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("clé invalide");
        }
        return p;
    }

    record Stored(String key, long size) {}

    static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }
}
