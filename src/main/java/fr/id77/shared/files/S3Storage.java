package fr.id77.shared.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files as objects of one bucket of an S3-compatible object store (MinIO, AWS S3, Ceph…), shared by every instance of
 * the application ({@code ID77_STORAGE=s3}, {@link StorageConfiguration}). Objects are named by the random keys of
 * {@link StorageKeys}, at the root of the bucket; objects named otherwise are never touched.
 *
 * <p>The filesystem's guarantees, in S3's terms. <em>Streamed</em>: a file is read {@value #PART_SIZE} bytes at a time
 * (one buffer per upload, whatever the file's size). <em>Atomic</em>: a file that fits in one part is sent in one
 * request, a larger one as a multipart upload, and S3 shows neither before it is complete. <em>Nothing left
 * behind</em>: a multipart upload that fails, or grows past {@code maxBytes}, is aborted (its parts are freed); one cut
 * short by a dying instance is aborted by the orphan sweep.
 */
class S3Storage implements FileStorage, AutoCloseable {

    /** S3's smallest part (every part but the last): the memory an upload in progress takes. */
    static final int PART_SIZE = 5 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

    private final S3Client s3;
    private final String bucket;

    S3Storage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Stored store(InputStream content, long maxBytes) throws IOException {
        String key = StorageKeys.newKey();
        byte[] part = new byte[PART_SIZE];
        try (InputStream in = content) {
            int length = in.readNBytes(part, 0, PART_SIZE);
            long total = checked(length, maxBytes);
            try {
                if (length < PART_SIZE) {
                    s3.putObject(b -> b.bucket(bucket).key(key), body(part, length));
                    return new Stored(key, total);
                }
                return new Stored(key, storeInParts(key, in, part, maxBytes));
            } catch (SdkException e) {
                throw new IOException("le stockage S3 a refusé le fichier : " + e.getMessage(), e);
            }
        }
    }

    /** A multipart upload of {@code in}, whose first part is already in {@code part}; aborted on any failure. */
    private long storeInParts(String key, InputStream in, byte[] part, long maxBytes) throws IOException {
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int length = PART_SIZE;
            while (length > 0) {
                int number = parts.size() + 1;
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number),
                                body(part, length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += length;
                length = in.readNBytes(part, 0, PART_SIZE);
                checked(total + length, maxBytes);
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            return total;
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private static long checked(long total, long maxBytes) throws TooLargeException {
        if (total > maxBytes) {
            throw new TooLargeException();
        }
        return total;
    }

    /** The first {@code length} bytes of {@code part}, read again from the start if the SDK retries the request. */
    private static RequestBody body(byte[] part, int length) {
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(part, 0, length), length, "application/octet-stream");
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // the orphan sweep aborts it later
            cause.addSuppressed(e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        StorageKeys.require(key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("le stockage S3 n'a pas rendu le fichier : " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        StorageKeys.require(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            // an orphan file is harmless, and the orphan sweep deletes it later
            log.warn("Fichier {} non supprimé du stockage S3 : {}", key, e.getMessage());
        }
    }

    @Override
    public void checkAvailable() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("compartiment S3 « " + bucket + " » injoignable : " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteUnreferenced(Instant writtenBefore, FileReferences references) throws IOException {
        try {
            UnclaimedFiles<String> unclaimed = new UnclaimedFiles<>(references, key -> key, key -> {
                // one by one: DeleteObjects needs a checksum header that not every S3-compatible store accepts
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                return true;
            });
            for (S3Object object :
                    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
                if (object.lastModified().isBefore(writtenBefore) && StorageKeys.isKey(object.key())) {
                    unclaimed.offer(object.key());
                }
            }
            return unclaimed.finish() + abortUploadsStartedBefore(writtenBefore);
        } catch (SdkException e) {
            throw new IOException("stockage S3 : " + e.getMessage(), e);
        }
    }

    /** Multipart uploads that never finished (an instance stopped in the middle of one): their parts are freed. */
    private int abortUploadsStartedBefore(Instant writtenBefore) {
        int aborted = 0;
        for (MultipartUpload upload :
                s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
            if (upload.initiated().isBefore(writtenBefore) && StorageKeys.isKey(upload.key())) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                aborted++;
            }
        }
        return aborted;
    }

    @Override
    public void close() {
        s3.close();
    }
}
