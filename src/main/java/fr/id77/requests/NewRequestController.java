package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferSummary;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Faire une demande »: duplicate warning, technical referent required, then the form and « Créer ». */
@Controller
class NewRequestController {

    private final RequestWorkflow service;
    private final RequestReadModel read;
    private final Offers offers;
    private final FormTokens tokens;
    private final RequestFiles files;
    private final NewRequestFormValidator validator;
    private final FormBinding forms;
    private final CatalogueReference reference;

    NewRequestController(
            RequestWorkflow service,
            RequestReadModel read,
            Offers offers,
            FormTokens tokens,
            RequestFiles files,
            NewRequestFormValidator validator,
            FormBinding forms,
            CatalogueReference reference) {
        this.reference = reference;
        this.validator = validator;
        this.forms = forms;
        this.service = service;
        this.read = read;
        this.offers = offers;
        this.tokens = tokens;
        this.files = files;
    }

    @GetMapping("/demandes/nouvelle")
    String form(
            @RequestParam(name = "offre", required = false) String code,
            @RequestParam(name = "nouvelle", required = false) String confirmed,
            CurrentUser user,
            Model model) {
        OfferSummary offer = offer(code);
        if (isExhibition(offer)) {
            return exhibitionBooking(offer);
        }
        model.addAttribute("offer", offer);
        if (user.collectivityId() == null) {
            return "requests/staff-cannot-file";
        }
        List<RequestReadModel.Referent> referents = read.referents(user.collectivityId(), null);
        if (referents.isEmpty()) {
            return "requests/no-referent";
        }
        if (confirmed == null && service.hasOpenRequest(offer.id(), user.collectivityId())) {
            return "requests/duplicate";
        }
        return form(model, user, offer, referents, null, "", List.of());
    }

    /**
     * Files the request. The form is bound to one object; what did not bind, Bean Validation and the form's validator
     * are gathered into one result ({@link FormBinding}), shown beside each field.
     */
    @PostMapping("/demandes")
    String create(
            @Valid @ModelAttribute("form") NewRequestForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        OfferSummary offer = offer(form.offre());
        if (isExhibition(offer)) {
            return exhibitionBooking(offer);
        }
        UUID token = FormTokens.parse(form.envoi());
        model.addAttribute(FormTokens.FIELD, token == null ? FormTokens.fresh() : token.toString());
        if (user.collectivityId() == null) {
            model.addAttribute("offer", offer);
            return "requests/staff-cannot-file";
        }
        List<RequestReadModel.Referent> referents = read.referents(user.collectivityId(), null);
        BindingResult errors = forms.whole(form, "form", binding, model);
        validator.validate(form, errors, user.collectivityId());
        if (errors.hasErrors()) {
            return refused(model, user, offer, referents, form, errors);
        }
        int numero;
        try {
            numero = service.file(
                    RequestPages.actor(user),
                    offer.id(),
                    offer.chefDeFileId(),
                    form.referent(),
                    form.text(),
                    form.files(),
                    token);
        } catch (RequestException e) {
            return form(model, user, offer, referents, form.referent(), form.text(), List.of(e.getMessage()));
        } catch (FieldRefusal e) {
            e.rejectInto(errors);
            return refused(model, user, offer, referents, form, errors);
        } catch (DataIntegrityViolationException e) { // the same form posted twice at once: the other post filed it
            numero = tokens.requestFiledWith(user.id(), token).orElseThrow(() -> e);
        }
        flash.addFlashAttribute(
                "success", "Votre demande N°" + numero + " a été envoyée au chef de file. Elle est « En attente ».");
        return "redirect:/demandes/" + numero;
    }

    /** The form again, with what was typed: the fields refused, and the messages of refused files under the file field. */
    private String refused(
            Model model,
            CurrentUser user,
            OfferSummary offer,
            List<RequestReadModel.Referent> referents,
            NewRequestForm form,
            BindingResult errors) {
        model.addAttribute(
                "errors",
                errors.getFieldErrors().stream()
                        .map(FieldError::getField)
                        .filter(f -> !RequestFiles.FIELD.equals(f))
                        .distinct()
                        .toList());
        List<String> fileProblems = errors.getFieldErrors(RequestFiles.FIELD).stream()
                .map(FieldError::getDefaultMessage)
                .toList();
        return form(
                model,
                user,
                offer,
                referents,
                errors.hasFieldErrors("referent") ? null : form.referent(),
                form.text(),
                fileProblems);
    }

    private String form(
            Model model,
            CurrentUser user,
            OfferSummary offer,
            List<RequestReadModel.Referent> referents,
            Long referent,
            String message,
            List<String> fileProblems) {
        model.addAttribute("offer", offer);
        model.addAttribute(
                "collectivity", read.collectivity(user.collectivityId()).orElse(null));
        model.addAttribute("referents", referents);
        model.addAttribute("selectedReferent", referent);
        model.addAttribute("message", message);
        model.addAttribute("fileProblems", fileProblems);
        model.addAttribute("upload", files.rules(user.collectivityId()));
        if (!model.containsAttribute(FormTokens.FIELD)) {
            model.addAttribute(FormTokens.FIELD, FormTokens.fresh());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "requests/new";
    }

    /** An exhibition is booked for a period: the loans module files its requests (without depending on it here). */
    private boolean isExhibition(OfferSummary offer) {
        return reference
                .typology("exposition")
                .map(t -> t.label().equals(offer.typology()))
                .orElse(false);
    }

    private static String exhibitionBooking(OfferSummary offer) {
        return "redirect:/expositions/" + offer.code() + "/reserver";
    }

    private OfferSummary offer(String code) {
        return offers.publishedByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static List<IncomingFile> incoming(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !f.isEmpty())
                .map(f -> new IncomingFile(f.getOriginalFilename(), f.getSize(), f))
                .toList();
    }
}
