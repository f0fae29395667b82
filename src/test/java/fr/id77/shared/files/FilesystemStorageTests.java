package fr.id77.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default storage, in a folder: the contract of every storage, and the layout of files written before. */
class FilesystemStorageTests extends FileStorageContract {

    @TempDir
    Path dir;

    FilesystemStorage store;

    @BeforeEach
    void newStorage() throws IOException {
        store = new FilesystemStorage(dir);
    }

    @Override
    FileStorage storage() {
        return store;
    }

    @Override
    Set<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(StorageKeys::isKey)
                    .collect(Collectors.toSet());
        }
    }

    @Override
    boolean hasPartialUploads() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".part"));
        }
    }

    @Override
    void abandonAnUpload() throws IOException {
        Path partial = dir.resolve("files/ab").resolve(UUID.randomUUID() + "123.part");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "début d'un envoi");
    }

    @Override
    FileStorage unavailableStorage() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("ailleurs"));
        FilesystemStorage unavailable = new FilesystemStorage(elsewhere);
        Files.delete(elsewhere.resolve("files"));
        return unavailable;
    }

    @Test
    void requestFilesWrittenBeforeTheStorageWasSharedAreStillReadAndDeleted() throws Exception {
        String key = UUID.randomUUID().toString();
        Path earlier =
                dir.resolve("files/requests").resolve(key.substring(0, 2)).resolve(key);
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "plan du bourg");
        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plan du bourg");
        }
        store.delete(key);
        assertThat(earlier).doesNotExist();
    }
}
