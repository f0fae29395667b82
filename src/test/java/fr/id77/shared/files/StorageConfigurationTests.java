package fr.id77.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The storage is chosen by configuration, and a wrong configuration stops the start with a French message. */
class StorageConfigurationTests {

    private final StorageConfiguration configuration = new StorageConfiguration();

    @TempDir
    Path dir;

    @Test
    void theFilesystemByDefaultS3WhenAskedNothingElse() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("id77.storage.s3.region", "us-east-1")
                .withProperty("id77.storage.s3.bucket", "id77")
                .withProperty("id77.storage.s3.endpoint", "http://127.0.0.1:9")
                .withProperty("id77.storage.s3.access-key", "cle")
                .withProperty("id77.storage.s3.secret-key", "secret");

        assertThat(configuration.fileStorage("filesystem", dir, env)).isInstanceOf(FilesystemStorage.class);
        try (S3Storage s3 = (S3Storage) configuration.fileStorage(" S3 ", dir, env)) {
            assertThat(s3).isNotNull();
        }
        assertThatThrownBy(() -> configuration.fileStorage("minio", dir, env))
                .hasMessageContaining("ID77_STORAGE vaut « minio »")
                .hasMessageContaining("filesystem")
                .hasMessageContaining("s3");
    }

    @Test
    void s3NeedsABucketAndBothKeysOrNone() {
        MockEnvironment noBucket = new MockEnvironment().withProperty("id77.storage.s3.region", "us-east-1");
        assertThatThrownBy(() -> configuration.fileStorage("s3", dir, noBucket))
                .hasMessage("ID77_STORAGE=s3 demande ID77_S3_BUCKET.");

        MockEnvironment halfKeys = new MockEnvironment()
                .withProperty("id77.storage.s3.region", "us-east-1")
                .withProperty("id77.storage.s3.bucket", "id77")
                .withProperty("id77.storage.s3.access-key", "cle");
        assertThatThrownBy(() -> configuration.fileStorage("s3", dir, halfKeys))
                .hasMessageContaining("ID77_S3_ACCESS_KEY et ID77_S3_SECRET_KEY vont ensemble");
    }
}
