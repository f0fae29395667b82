package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.FieldRefusal;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What only ID77 staff do on requests: internal notes, handing a request to another staff member, and (admins) handing
 * every open request of a person who leaves. A refusal comes back next to its field with what was typed.
 */
@Controller
class RequestStaffController {

    /** The note form: its text, its files and the token that makes a double post write it once. */
    record NoteForm(String note, List<MultipartFile> fichiers, String envoi) {
        List<IncomingFile> files() {
            return NewRequestController.incoming(fichiers);
        }

        UUID token() {
            return FormTokens.parse(envoi);
        }
    }

    /** The handover form: to whom, why (and, on a request's page, the version read). */
    record HandoverForm(Long agent, String motifTransfert) {}

    private final RequestConversation conversation;
    private final RequestHandover handover;
    private final RequestFiles files;
    private final RequestReadModel read;
    private final FormTokens tokens;

    RequestStaffController(
            RequestConversation conversation,
            RequestHandover handover,
            RequestFiles files,
            RequestReadModel read,
            FormTokens tokens) {
        this.conversation = conversation;
        this.handover = handover;
        this.files = files;
        this.read = read;
        this.tokens = tokens;
    }

    @PostMapping("/demandes/{numero}/notes")
    String note(@PathVariable int numero, @ModelAttribute NoteForm form, CurrentUser user, RedirectAttributes flash) {
        String back = "redirect:/demandes/" + numero;
        List<String> problems = files.problems(form.files());
        if (!problems.isEmpty()) {
            return refused(flash, back + "#notes", "note", RequestFiles.FIELD, String.join(" ", problems), form.note());
        }
        try {
            conversation.note(numero, form.note(), form.files(), RequestPages.actor(user), form.token());
        } catch (FieldRefusal e) {
            return refused(flash, back + "#notes", "note", e.field(), e.getMessage(), form.note());
        } catch (RequestException e) {
            if (e.kind() == RequestException.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return back;
        } catch (DataIntegrityViolationException e) { // the same form posted twice at once: the other post wrote it
            tokens.commentPostedWith(user.id(), form.token()).orElseThrow(() -> e);
        }
        flash.addFlashAttribute("success", "Votre note interne a été enregistrée : seule l'équipe d'ID77 la voit.");
        return back + "#notes";
    }

    @PostMapping("/demandes/{numero}/transfert")
    String handOver(
            @PathVariable int numero,
            @ModelAttribute HandoverForm form,
            BindingResult binding,
            @RequestParam long version,
            CurrentUser user,
            RedirectAttributes flash) {
        String back = "redirect:/demandes/" + numero;
        try {
            handover.handOver(numero, agent(form, binding), form.motifTransfert(), version, RequestPages.actor(user));
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("handoverAgent", form.agent());
            return refused(flash, back + "#confier", "handover", e.field(), e.getMessage(), form.motifTransfert());
        } catch (RequestException e) {
            if (e.kind() == RequestException.Kind.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            return back;
        }
        flash.addFlashAttribute("success", "La demande a été confiée à " + name(form.agent()) + ".");
        return back;
    }

    /** An admin's page to hand every open request of a staff member (who leaves) to another one. */
    @GetMapping("/admin/comptes/{id}/demandes")
    String workload(@PathVariable long id, Model model) {
        model.addAttribute(
                "workload", handover.workload(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute(
                "staff", read.staff().stream().filter(p -> p.id() != id).toList());
        return "requests/handover-all";
    }

    @PostMapping("/admin/comptes/{id}/demandes")
    String handOverAll(
            @PathVariable long id,
            @ModelAttribute HandoverForm form,
            BindingResult binding,
            CurrentUser user,
            RedirectAttributes flash) {
        String back = "redirect:/admin/comptes/" + id + "/demandes";
        handover.workload(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int count;
        try {
            count = handover.handOverAll(id, agent(form, binding), form.motifTransfert(), RequestPages.actor(user));
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("handoverAgent", form.agent());
            return refused(flash, back, "handover", e.field(), e.getMessage(), form.motifTransfert());
        }
        flash.addFlashAttribute(
                "success",
                (count == 1 ? "1 demande confiée à " : count + " demandes confiées à ") + name(form.agent()) + ".");
        return back;
    }

    /** The agent chosen; one that is not a number (a forged form) is refused beside the field, as an unknown one. */
    private static Long agent(HandoverForm form, BindingResult binding) {
        return binding.hasFieldErrors("agent") ? Long.valueOf(-1) : form.agent();
    }

    private String name(Long userId) {
        return read.people(List.of(userId)).get(userId).name();
    }

    /** A refusal shown beside {@code field} of the form {@code form} (« note », « handover »), what was typed kept. */
    private static String refused(
            RedirectAttributes flash, String back, String form, String field, String message, String typed) {
        flash.addFlashAttribute(form + "Field", field);
        flash.addFlashAttribute(form + "Error", message);
        flash.addFlashAttribute(form + "Draft", typed);
        return back;
    }
}
