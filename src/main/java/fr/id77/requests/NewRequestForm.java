package fr.id77.requests;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * The « Faire une demande » form as submitted: the offer's code, the technical referent, the message to the chef de
 * file, the files and the form's one-time token ({@code envoi}). Single-field rules here; the rules that need the
 * collectivity or the files' content are {@link NewRequestFormValidator}'s.
 */
record NewRequestForm(
        String offre,

        @NotNull(message = "Choisissez le référent technique qui suivra la demande.")
        Long referent,

        @Size(
                max = RequestWorkflow.MAX_COMMENT,
                message = "Votre message dépasse 10 000 caractères : raccourcissez-le.")
        String message,

        List<MultipartFile> fichiers,
        String envoi) {

    String text() {
        return message == null ? "" : message;
    }

    List<IncomingFile> files() {
        return NewRequestController.incoming(fichiers);
    }
}
