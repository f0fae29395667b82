package fr.id77.requests;

import fr.id77.shared.files.ColumnFileReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Claims the files of request attachments, so that the orphan-file sweep never deletes one. */
@Component
class AttachmentFileReferences extends ColumnFileReferences {

    AttachmentFileReferences(JdbcClient jdbc) {
        super(jdbc, "request_attachment", "storage_key");
    }
}
