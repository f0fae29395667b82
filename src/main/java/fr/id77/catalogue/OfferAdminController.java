package fr.id77.catalogue;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.CatalogueAdminForms.AssignmentForm;
import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.CatalogueReference.TypologyRef;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins: every offer with filters (the offers without a chef de file first of all), publishing and
 * withdrawing, and one chef de file for many offers at once. Each action returns to the same filtered list.
 */
@Controller
class OfferAdminController {

    private final AdminOfferList list;
    private final CatalogueAdmin admin;
    private final CatalogueReference reference;
    private final Organisations organisations;
    private final Staff staff;
    private final MessageSource messages;
    private final FormBinding forms;

    OfferAdminController(
            AdminOfferList list,
            CatalogueAdmin admin,
            CatalogueReference reference,
            Organisations organisations,
            Staff staff,
            MessageSource messages,
            FormBinding forms) {
        this.list = list;
        this.admin = admin;
        this.reference = reference;
        this.organisations = organisations;
        this.staff = staff;
        this.messages = messages;
        this.forms = forms;
    }

    /** The options of the list's filters, as (value in the address, label). */
    record Filters(
            Map<String, String> typologies,
            Map<String, String> domains,
            Map<String, String> publications,
            Map<String, String> chefs,
            Map<String, String> organisations,
            Map<String, String> sorts) {}

    @GetMapping("/admin/offres")
    String offers(@ModelAttribute("params") AdminOfferQuery.Params params, Model model) {
        AdminOfferQuery query = AdminOfferQuery.from(reference, params);
        Staff.Directory directory = staff.directory();
        model.addAttribute("result", list.list(query, directory));
        model.addAttribute("query", query);
        model.addAttribute(
                "withoutChefUrl",
                AdminOfferQuery.withoutChef()
                        .withPublication(AdminOfferQuery.PUBLISHED)
                        .url());
        Map<String, String> chefs = new LinkedHashMap<>();
        chefs.put(AdminOfferQuery.NO_CHEF, "Sans chef de file actif");
        chefs.putAll(directory.everyone());
        model.addAttribute(
                "filters",
                new Filters(
                        options(reference.typologies(), TypologyRef::slug, TypologyRef::label),
                        options(reference.domains(), DomainRef::slug, DomainRef::label),
                        AdminOfferQuery.PUBLICATIONS,
                        chefs,
                        organisations.choices(),
                        AdminOfferQuery.SORTS));
        model.addAttribute("chefs", directory.choices(null));
        return "catalogue/admin-offers";
    }

    private static <T> Map<String, String> options(
            List<T> values, Function<T, String> value, Function<T, String> label) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(v -> options.put(value.apply(v), label.apply(v)));
        return options;
    }

    @PostMapping("/admin/offres/chef-de-file")
    String assign(
            CurrentUser me,
            @Valid @ModelAttribute("assignment") AssignmentForm form,
            BindingResult binding,
            @ModelAttribute("params") AdminOfferQuery.Params params,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, "assignment", binding, model);
        String back = "redirect:" + AdminOfferQuery.from(reference, params).url();
        // the list shows the reasons in one message above it, in the order of the form
        String failure = Stream.of("offres", "chefDeFile")
                .map(result::getFieldError)
                .filter(Objects::nonNull)
                .map(e -> messages.getMessage(e, Locale.FRENCH))
                .collect(Collectors.joining(" "));
        if (failure.isEmpty()) {
            try {
                String name = admin.assign(form.offres(), form.chefDeFile(), me.id());
                int n = form.offres().size();
                redirect.addFlashAttribute(
                        "success",
                        name + " est maintenant chef de file de "
                                + (n == 1 ? "l'offre cochée." : "ces " + n + " offres."));
                return back;
            } catch (FieldRefusal e) {
                failure = e.getMessage();
            }
        }
        redirect.addFlashAttribute("failure", failure);
        redirect.addFlashAttribute(
                "ticked", form.offres().stream().map(String::valueOf).toList());
        return back;
    }

    @ConfirmFirst(
            value = "Retirer cette offre du catalogue ?",
            detail = "Elle ne recevra plus de demandes ; ses demandes existantes " + "restent consultables.",
            button = "Oui, retirer",
            back = "/admin/offres",
            unless = "publiee=true")
    @PostMapping("/admin/offres/{id}/publication")
    String publish(
            CurrentUser me,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean publiee,
            @ModelAttribute("params") AdminOfferQuery.Params params,
            RedirectAttributes redirect) {
        CatalogueAdmin.Publication p = admin.publish(id, publiee, me.id());
        redirect.addFlashAttribute(
                "success",
                p.published()
                        ? "L'offre " + p.code() + " est publiée : elle apparaît dans le catalogue."
                                + (p.withoutChef()
                                        ? " Attention : elle n'a pas de chef de file actif pour traiter ses demandes."
                                        : "")
                        : "L'offre " + p.code()
                                + " est retirée du catalogue. Ses demandes existantes restent consultables.");
        return "redirect:" + AdminOfferQuery.from(reference, params).url();
    }
}
