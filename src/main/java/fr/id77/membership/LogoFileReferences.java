package fr.id77.membership;

import fr.id77.shared.files.ColumnFileReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Claims the files of collectivities' logos, so that the orphan-file sweep never deletes one. */
@Component
class LogoFileReferences extends ColumnFileReferences {

    LogoFileReferences(JdbcClient jdbc) {
        super(jdbc, "collectivity", "logo_key");
    }
}
