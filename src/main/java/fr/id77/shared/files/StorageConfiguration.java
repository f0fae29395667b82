package fr.id77.shared.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one {@link FileStorage} of the application, chosen by {@code id77.storage.type} ({@code ID77_STORAGE}): the
 * filesystem by default, or an S3 bucket so that several instances share their files (README « Exploitation »).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    FileStorage fileStorage(
            @Value("${id77.storage.type:filesystem}") String type,
            @Value("${id77.data-dir}") Path dataDir,
            Environment env)
            throws IOException {
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "filesystem" -> new FilesystemStorage(dataDir);
            case "s3" -> new S3Storage(s3Client(env), required(env, "bucket", "ID77_S3_BUCKET"));
            default ->
                throw new IllegalStateException(
                        "ID77_STORAGE vaut « " + type
                                + " » : les valeurs possibles sont filesystem (par défaut, fichiers dans ID77_DATA_DIR) et s3.");
        };
    }

    /**
     * A client of the configured endpoint (AWS itself when none is given). Credentials from the configuration only
     * when both keys are set; otherwise the AWS SDK's usual chain (its environment variables, an instance role…).
     */
    static S3Client s3Client(Environment env) {
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(required(env, "region", "ID77_S3_REGION")))
                .forcePathStyle(env.getProperty("id77.storage.s3.path-style", Boolean.class, true))
                // checksums only where S3 demands one: not every S3-compatible store knows the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        String endpoint = setting(env, "endpoint");
        if (!endpoint.isEmpty()) {
            client.endpointOverride(URI.create(endpoint));
        }
        String accessKey = setting(env, "access-key");
        String secretKey = setting(env, "secret-key");
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            throw new IllegalStateException(
                    "ID77_S3_ACCESS_KEY et ID77_S3_SECRET_KEY vont ensemble : donnez les deux, ou aucun pour laisser le"
                            + " SDK AWS trouver ses identifiants (variables AWS_*, rôle de l'instance).");
        }
        client.credentialsProvider(
                accessKey.isEmpty()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return client.build();
    }

    private static String setting(Environment env, String name) {
        return env.getProperty("id77.storage.s3." + name, "").trim();
    }

    private static String required(Environment env, String name, String variable) {
        String value = setting(env, name);
        if (value.isEmpty()) {
            throw new IllegalStateException("ID77_STORAGE=s3 demande " + variable + ".");
        }
        return value;
    }
}
