package fr.id77.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FileStorage} guarantees, run over each backend ({@link FilesystemStorageTests},
 * {@link S3StorageTests}): streamed, bounded, atomic (nothing visible or left behind when an upload is refused or cut
 * short), only its own keys, and the orphan sweep.
 */
abstract class FileStorageContract {

    private static final long MB = 1024 * 1024;

    /** The storage under test, empty at the start of each test. */
    abstract FileStorage storage();

    /** The keys of the complete files the storage holds. */
    abstract Set<String> storedKeys() throws IOException;

    /** Whether a partial upload is left (a temporary file, an incomplete multipart upload). */
    abstract boolean hasPartialUploads() throws IOException;

    /** Leaves a partial upload behind, as an instance stopped in the middle of one does. */
    abstract void abandonAnUpload() throws IOException;

    /** A storage of the same kind that can neither write nor read. */
    abstract FileStorage unavailableStorage() throws IOException;

    @Test
    void aFileIsStoredUnderARandomKeyAndReadBack() throws IOException {
        FileStorage.Stored stored = storage().store(text("%PDF-1.4 contenu"), 1024);

        assertThat(stored.size()).isEqualTo(16);
        assertThat(StorageKeys.isKey(stored.key())).isTrue();
        assertThat(storedKeys()).containsExactly(stored.key());
        try (InputStream in = storage().open(stored.key())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 contenu");
        }
    }

    @Test
    void aLargeFileIsStreamedAndComesBackWhole() throws Exception {
        long size = 13 * MB + 12_345; // several parts of an S3 multipart upload, the last one short
        FileStorage.Stored stored = storage().store(new GeneratedContent(size), 150 * MB);

        assertThat(stored.size()).isEqualTo(size);
        assertThat(storedKeys()).containsExactly(stored.key());
        try (InputStream in = storage().open(stored.key())) {
            assertThat(sha256(in)).isEqualTo(sha256(new GeneratedContent(size)));
        }
        assertThat(hasPartialUploads()).isFalse();
    }

    @Test
    void aFileLargerThanAllowedIsRefusedAndLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> storage().store(new ByteArrayInputStream(new byte[2048]), 1024))
                .isInstanceOf(FileStorage.TooLargeException.class);
        assertThatThrownBy(() -> storage().store(new GeneratedContent(12 * MB), 6 * MB))
                .as("refused after a part was already sent")
                .isInstanceOf(FileStorage.TooLargeException.class);

        assertThat(storedKeys()).isEmpty();
        assertThat(hasPartialUploads()).isFalse();
    }

    @Test
    void anUploadCutShortLeavesNothingBehind() throws IOException {
        // the browser's connection drops (or its instance stops) after 7 MB of a larger file
        InputStream cut = new GeneratedContent(20 * MB) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() >= 7 * MB) {
                    throw new IOException("connexion interrompue");
                }
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> storage().store(cut, 150 * MB)).hasMessageContaining("connexion interrompue");
        assertThat(storedKeys()).isEmpty();
        assertThat(hasPartialUploads()).isFalse();
    }

    @Test
    void onlyItsOwnKeysAreOpenedAndADeletedFileIsGone() throws IOException {
        String key = storage().store(text("plan du bourg"), 1024).key();

        assertThatThrownBy(() -> storage().open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().delete("../" + key)).isInstanceOf(IllegalArgumentException.class);
        storage().delete(key);
        assertThat(storedKeys()).isEmpty();
        assertThatThrownBy(() -> storage().open(key)).isInstanceOf(IOException.class);
        storage().delete(key); // twice: nothing happens
    }

    @Test
    void theOrphanSweepDeletesOldUnclaimedFilesAndAbandonedUploadsOnly() throws IOException {
        Instant beforeWriting = Instant.now().minus(Duration.ofMinutes(1));
        String claimed = storage().store(text("logo"), 100).key();
        String orphan = storage().store(text("orphelin"), 100).key();
        abandonAnUpload();
        FileReferences references = keys -> keys.contains(claimed) ? Set.of(claimed) : Set.of();

        assertThat(storage().deleteUnreferenced(beforeWriting, references))
                .as("all are younger than the cut-off: their transactions may still run")
                .isZero();
        assertThat(storedKeys()).containsExactlyInAnyOrder(claimed, orphan);
        assertThat(hasPartialUploads()).isTrue();

        assertThat(storage().deleteUnreferenced(Instant.now().plus(Duration.ofMinutes(1)), references))
                .as("the orphan and the abandoned upload")
                .isEqualTo(2);
        assertThat(storedKeys()).containsExactly(claimed);
        assertThat(hasPartialUploads()).isFalse();
    }

    @Test
    void itsHealthSaysWhetherFilesCanBeStored() throws IOException {
        storage().checkAvailable();
        FileStorage unavailable = unavailableStorage();
        assertThatThrownBy(unavailable::checkAvailable).isInstanceOf(IOException.class);
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
        digest.transferTo(OutputStream.nullOutputStream());
        return digest.getMessageDigest().digest();
    }

    /** {@code size} pseudo-random bytes, the same ones at each reading, made as they are read (never held whole). */
    static class GeneratedContent extends InputStream {

        private final long size;
        private final RandomGenerator random =
                RandomGeneratorFactory.of("L64X128MixRandom").create(77);
        private long position;

        GeneratedContent(long size) {
            this.size = size;
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt();
            }
            position += n;
            return n;
        }
    }
}
