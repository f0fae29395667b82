package fr.id77.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one file storage of every module: streamed, bounded, atomic, never outside its folder. */
class FilesystemStorageTests {

    @Test
    void theStoreStreamsRefusesOversizedFilesAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        FilesystemStorage store = new FilesystemStorage(dir);
        FileStorage.Stored stored = store.store(content("%PDF-1.4 contenu"), 1024);
        assertThat(stored.size()).isEqualTo(16);
        try (InputStream in = store.open(stored.key())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 contenu");
        }
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[2048]), 1024))
                .isInstanceOf(FileStorage.TooLargeException.class);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .as("the refused file and its partial copy are gone")
                    .hasSize(1);
        }
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        store.delete(stored.key());
        assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(IOException.class);
    }

    @Test
    void requestFilesWrittenBeforeTheStorageWasSharedAreStillReadAndDeleted(@TempDir Path dir) throws Exception {
        String key = UUID.randomUUID().toString();
        Path earlier =
                dir.resolve("files/requests").resolve(key.substring(0, 2)).resolve(key);
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "plan du bourg");
        FilesystemStorage store = new FilesystemStorage(dir);
        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plan du bourg");
        }
        store.delete(key);
        assertThat(earlier).doesNotExist();
    }

    private static InputStream content(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
