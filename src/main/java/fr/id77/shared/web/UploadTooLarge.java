package fr.id77.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * An upload above the servlet's outer bound is refused before any controller runs (no handler is known
 * yet): send the person back to the form they posted, with a French message, never a 500. The finer
 * per-feature limits (logo, attachments) are checked by the features with their own messages.
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    RedirectView tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "failure",
                "Le fichier envoyé est trop volumineux : rien n'a été enregistré. "
                        + "Vérifiez la taille maximale indiquée sous le champ.");
        String query = request.getQueryString();
        RedirectView back = new RedirectView(request.getServletPath() + (query == null ? "" : "?" + query), true);
        back.setExpandUriTemplateVariables(false); // braces in the address are data, not template variables
        return back;
    }
}
