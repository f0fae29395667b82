package fr.id77.shared.files;

import fr.id77.support.S3TestServer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 backend against a real S3 protocol server (S3Mock, {@link S3TestServer}), each test in a bucket of its own. */
class S3StorageTests extends FileStorageContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    static S3Client client;

    String bucket;
    S3Storage store;

    @BeforeAll
    static void connect() {
        client = S3TestServer.get().client();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "contrat-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        store = new S3Storage(client, bucket);
    }

    @Override
    FileStorage storage() {
        return store;
    }

    @Override
    Set<String> storedKeys() {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .collect(Collectors.toSet());
    }

    @Override
    boolean hasPartialUploads() {
        return !client.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty();
    }

    @Override
    void abandonAnUpload() {
        String key = StorageKeys.newKey();
        String uploadId =
                client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        client.uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("début d'un envoi"));
    }

    @Override
    FileStorage unavailableStorage() {
        return new S3Storage(client, "absent");
    }
}
