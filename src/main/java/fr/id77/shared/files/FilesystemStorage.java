package fr.id77.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Files under {@code ${id77.data-dir}/files}, named by random keys (never by what the person uploaded), for every
 * module: request files and collectivity logos. The orphan sweep walks the whole directory. The default storage
 * ({@code ID77_STORAGE=filesystem}, {@link StorageConfiguration}); several instances need {@link S3Storage}.
 */
class FilesystemStorage implements FileStorage {

    /** The folder of request files before they shared this storage (read and deleted there, never written). */
    private static final String LEGACY_REQUEST_FILES = "requests";

    private final Path root;

    FilesystemStorage(Path dataDir) throws IOException {
        this.root = dataDir.resolve("files").toAbsolutePath();
        Files.createDirectories(root);
    }

    @Override
    public Stored store(InputStream content, long maxBytes) throws IOException {
        String key = StorageKeys.newKey();
        Path target = root.resolve(key.substring(0, 2)).resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), key, ".part");
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content;
                OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, total);
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

    @Override
    public int deleteUnreferenced(Instant writtenBefore, FileReferences references) throws IOException {
        int partial = 0;
        UnclaimedFiles<Path> unclaimed =
                new UnclaimedFiles<>(references, file -> file.getFileName().toString(), Files::deleteIfExists);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()
                        || !attributes.lastModifiedTime().toInstant().isBefore(writtenBefore)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.endsWith(".part")) {
                    partial += Files.deleteIfExists(file) ? 1 : 0; // an upload that never finished
                } else if (StorageKeys.isKey(name)) {
                    unclaimed.offer(file);
                }
            }
        }
        return partial + unclaimed.finish();
    }

    /**
     * Where the file of {@code key} is: {@code files/ab/abcd…}, or {@code files/requests/ab/abcd…} for the request
     * files written before every module shared this storage. Only our own keys: no path traversal.
     */
    private Path path(String key) {
        StorageKeys.require(key);
        Path path = root.resolve(key.substring(0, 2)).resolve(key);
        Path earlier =
                root.resolve(LEGACY_REQUEST_FILES).resolve(key.substring(0, 2)).resolve(key);
        return Files.exists(path) || !Files.exists(earlier) ? path : earlier;
    }
}
