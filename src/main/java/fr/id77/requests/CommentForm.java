package fr.id77.requests;

import java.util.List;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * The message form under a request's thread: the text, the message it answers (if any), its files and the token
 * that makes a double post send it once.
 */
record CommentForm(String message, Long repondA, List<MultipartFile> fichiers, String envoi) {

    List<IncomingFile> files() {
        return NewRequestController.incoming(fichiers);
    }

    UUID token() {
        return FormTokens.parse(envoi);
    }
}
