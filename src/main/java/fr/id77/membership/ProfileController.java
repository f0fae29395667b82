package fr.id77.membership;

import fr.id77.account.Accounts;
import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ProfileForm;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Mon compte »: the login account, the collectivity, its referents and colleagues; « Éditer le profil » with the logo. */
@Controller
class ProfileController {

    /** What identifies a collectivity: after validation, members see these fields read-only and what they post is ignored. */
    static final Set<String> IDENTITY_FIELDS =
            Set.of("collectivity.name", "collectivity.category", "collectivity.siret");

    private final CollectivityProfiles profiles;
    private final TechnicalReferents referents;
    private final Colleagues colleagues;
    private final Accounts accounts;

    private final FormBinding forms;

    ProfileController(
            CollectivityProfiles profiles,
            TechnicalReferents referents,
            Colleagues colleagues,
            Accounts accounts,
            FormBinding forms) {
        this.forms = forms;
        this.profiles = profiles;
        this.referents = referents;
        this.colleagues = colleagues;
        this.accounts = accounts;
    }

    @GetMapping("/compte")
    String account(CurrentUser me, Model model) {
        model.addAttribute("account", accounts.summary(me.id()).orElseThrow(NotFound::new));
        if (me.collectivityId() != null) {
            model.addAttribute("collectivity", profiles.collectivity(me));
            model.addAttribute("referents", referents.referents(me));
            model.addAttribute("colleagues", colleagues.colleagues(me));
            if (!model.containsAttribute("referentForm")) {
                model.addAttribute("referentForm", ReferentForm.empty());
            }
        }
        return "membership/account";
    }

    @GetMapping("/compte/profil")
    String editProfile(CurrentUser me, Model model) {
        model.addAttribute("form", profiles.profileForm(me));
        return profileForm(me, model);
    }

    private String profileForm(CurrentUser me, Model model) {
        Collectivity c = profiles.collectivity(me);
        model.addAttribute("identity", c);
        model.addAttribute("identityLocked", c.identityLocked());
        model.addAllAttributes(Choices.all());
        model.addAttribute("logoMaxBytes", Logos.MAX_LOGO_BYTES);
        model.addAttribute("logoAccept", Logos.ACCEPT);
        return "membership/profile-form";
    }

    @PostMapping("/compte/profil")
    String saveProfile(
            CurrentUser me,
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult binding,
            @RequestParam(name = "logo", required = false) MultipartFile logo,
            Model model,
            RedirectAttributes redirect) {
        BindingResult result = forms.whole(form, "form", binding, model);
        boolean locked = profiles.collectivity(me).identityLocked();
        boolean invalid = result.hasGlobalErrors()
                || result.getFieldErrors().stream().anyMatch(e -> !(locked && IDENTITY_FIELDS.contains(e.getField())));
        if (!invalid) {
            try {
                profiles.saveProfile(me, form, logo);
                redirect.addFlashAttribute("success", "Le profil de votre collectivité est enregistré.");
                return "redirect:/compte";
            } catch (FieldRefusal e) {
                model.addAttribute("logoError", e.getMessage());
                result.reject("logo", e.getMessage());
            }
        }
        return profileForm(me, model);
    }
}
