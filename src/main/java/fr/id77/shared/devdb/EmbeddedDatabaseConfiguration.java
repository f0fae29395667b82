package fr.id77.shared.devdb;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode ({@link EmbeddedDatabaseCondition}): starts a real PostgreSQL whose data lives in
 * {@code id77.data-dir/postgres} (default {@code ./.id77-data/postgres}) and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${id77.data-dir}") Path dataDir,
            @Value("${ID77_EMBEDDED_DB_PORT:${id77.embedded-db.port:54377}}") int port)
            throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(pgData);
        requireFree(port);
        log.info("Base PostgreSQL embarquée : données dans {}, port {}", pgData, port);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    /**
     * Another local run (or anything else) already listens on the port: starting would silently connect
     * this application to that other database (and run its migrations and demo data there).
     */
    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Le port " + port + " de la base embarquée est déjà utilisé (une autre instance "
                            + "d'ID77 tourne-t-elle ?). Arrêtez-la, ou choisissez un autre port : ID77_EMBEDDED_DB_PORT=54378",
                    e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        return ds;
    }
}
