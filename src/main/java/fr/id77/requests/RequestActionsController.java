package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.FieldRefusal;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What people do on a request's page: change its status, assign, change the contact, comment, attach. */
@Controller
class RequestActionsController {

    private final RequestWorkflow workflow;
    private final RequestConversation conversation;
    private final RequestFiles requestFiles;
    private final FormTokens tokens;

    RequestActionsController(
            RequestWorkflow workflow, RequestConversation conversation, RequestFiles requestFiles, FormTokens tokens) {
        this.workflow = workflow;
        this.conversation = conversation;
        this.requestFiles = requestFiles;
        this.tokens = tokens;
    }

    @PostMapping("/demandes/{numero}/statut")
    String status(
            @PathVariable int numero,
            @RequestParam String statut,
            @RequestParam(required = false) String motif,
            @RequestParam long version,
            CurrentUser user,
            RedirectAttributes flash) {
        RequestStatus target;
        try {
            target = RequestStatus.valueOf(statut);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "Action inconnue.");
            return back(numero);
        }
        return act(
                numero,
                flash,
                "La demande est maintenant « " + target.getLabel() + " ».",
                motif,
                () -> workflow.changeStatus(numero, target, motif, version, RequestPages.actor(user)));
    }

    @PostMapping("/demandes/{numero}/responsable")
    String responsable(
            @PathVariable int numero,
            @RequestParam(required = false) Long responsable,
            @RequestParam long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(
                numero,
                flash,
                "Le responsable de la demande a été modifié.",
                null,
                () -> workflow.assignResponsable(numero, responsable, version, RequestPages.actor(user)));
    }

    @PostMapping("/demandes/{numero}/referent")
    String referent(
            @PathVariable int numero,
            @RequestParam(required = false) Long referent,
            @RequestParam long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return act(
                numero,
                flash,
                "Le référent technique de la demande a été modifié.",
                null,
                () -> workflow.changeReferent(numero, referent, version, RequestPages.actor(user)));
    }

    @PostMapping("/demandes/{numero}/commentaires")
    String comment(
            @PathVariable int numero,
            @ModelAttribute CommentForm form,
            BindingResult binding,
            CurrentUser user,
            RedirectAttributes flash) {
        List<IncomingFile> files = form.files();
        List<String> problems = binding.hasFieldErrors("repondA")
                ? List.of(RequestConversation.REPLY_UNKNOWN)
                : requestFiles.problems(files);
        if (!problems.isEmpty()) {
            if (!binding.hasFieldErrors("repondA")) {
                flash.addFlashAttribute("commentFileError", String.join(" ", problems));
            }
            flash.addFlashAttribute(
                    "error",
                    String.join(" ", problems) + " Votre message n'a pas été envoyé : il est conservé ci-dessous.");
            flash.addFlashAttribute("draft", form.message());
            return back(numero) + "#commenter";
        }
        try {
            String back = act(
                    numero,
                    flash,
                    "Votre message a été envoyé.",
                    form.message(),
                    () -> conversation.comment(
                            numero, form.message(), form.repondA(), files, RequestPages.actor(user), form.token()));
            return besideField(flash, "commentFileError", files) ? back + "#commenter" : back + "#commentaires";
        } catch (DataIntegrityViolationException e) { // the same form posted twice at once: the other post sent it
            tokens.commentPostedWith(user.id(), form.token()).orElseThrow(() -> e);
            flash.addFlashAttribute("success", "Votre message a été envoyé.");
            return back(numero) + "#commentaires";
        }
    }

    @PostMapping("/demandes/{numero}/fichiers")
    String attach(
            @PathVariable int numero,
            @RequestParam(name = "fichiers", required = false) List<MultipartFile> fichiers,
            CurrentUser user,
            RedirectAttributes flash) {
        String back = act(
                numero,
                flash,
                "Les fichiers ont été ajoutés.",
                null,
                () -> conversation.attach(numero, NewRequestController.incoming(fichiers), RequestPages.actor(user)));
        besideField(flash, "attachError", NewRequestController.incoming(fichiers));
        return back + "#fichiers";
    }

    /**
     * « Transmettre les compléments »: the collectivity's answer (message and/or files) to what ID77 asked; a refusal
     * comes back next to the answer field, with the answer kept.
     */
    @PostMapping("/demandes/{numero}/complements")
    String transmitComplements(
            @PathVariable int numero,
            @RequestParam(required = false) String reponse,
            @RequestParam(name = "fichiers", required = false) List<MultipartFile> fichiers,
            @RequestParam long version,
            CurrentUser user,
            RedirectAttributes flash) {
        RequestStatus[] back = new RequestStatus[1];
        String to = act(
                numero,
                flash,
                "Vos compléments ont été transmis.",
                null,
                () -> back[0] = conversation.transmitComplements(
                        numero, reponse, NewRequestController.incoming(fichiers), version, RequestPages.actor(user)));
        Object error = flash.getFlashAttributes().get("error");
        if (error != null) {
            flash.addFlashAttribute("complementsError", error);
            flash.addFlashAttribute("complementsDraft", reponse);
            return to + "#complements";
        }
        flash.addFlashAttribute(
                "success",
                "Vos compléments ont été transmis : la demande est de nouveau « " + back[0].getLabel() + " ».");
        return to;
    }

    /** A refusal of a post carrying files (type, size, quota) is also shown under the file field. */
    private static boolean besideField(RedirectAttributes flash, String field, List<IncomingFile> files) {
        Object error = flash.getFlashAttributes().get("error");
        if (error == null
                || files.isEmpty()
                || (field.startsWith("comment") && !error.toString().contains("espace de stockage"))) {
            return false;
        }
        flash.addFlashAttribute(field, error);
        return true;
    }

    /**
     * Runs the action; a refusal (or an action that is not the actor's) comes back as a message on the request page,
     * with what was typed kept. A request the actor may not see stays « not found »; a stale version goes to the
     * « modifiée entre-temps » page ({@link fr.id77.shared.web.ModifiedMeanwhile}).
     */
    private static String act(int numero, RedirectAttributes flash, String success, String typed, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("success", success);
        } catch (RequestException e) {
            if (e.kind() == RequestException.Kind.NOT_FOUND) {
                throw e;
            }
            refused(flash, e.getMessage(), typed);
        } catch (FieldRefusal e) {
            refused(flash, e.getMessage(), typed);
        }
        return back(numero);
    }

    private static void refused(RedirectAttributes flash, String message, String typed) {
        flash.addFlashAttribute("error", message);
        flash.addFlashAttribute("draft", typed);
    }

    private static String back(int numero) {
        return "redirect:/demandes/" + numero;
    }
}
