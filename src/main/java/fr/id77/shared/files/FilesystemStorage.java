package fr.id77.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code ${id77.data-dir}/files}, named by random keys (never by what the person uploaded). */
@Component
class FilesystemStorage implements FileStorage {

    private final Path root;

    FilesystemStorage(@Value("${id77.data-dir}") Path dataDir) throws IOException {
        this.root = dataDir.resolve("files").toAbsolutePath();
        Files.createDirectories(root);
    }

    @Override
    public String store(InputStream content, long maxBytes) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Files.createDirectories(target.getParent());
        long total = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException ignored) {
            // an orphan file is harmless
        }
    }

    @Override
    public void checkAvailable() throws IOException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IOException("dossier des fichiers absent ou en lecture seule : " + root);
        }
    }

    /** How many bytes the file system of the storage directory can still take. */
    long usableSpace() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    private Path path(String key) {
        UUID.fromString(key); // only our own keys: no path traversal
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
