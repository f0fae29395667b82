package fr.id77.membership;

import fr.id77.account.Accounts;
import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ColleagueForm;
import fr.id77.membership.MembershipForms.ProfileForm;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.web.FieldRefusal;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Mon compte »: the login account, the collectivity profile (« Éditer le profil », logo) and colleagues. */
@Controller
class ProfileController {

    private final Profiles profiles;
    private final Accounts accounts;

    ProfileController(Profiles profiles, Accounts accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    @GetMapping("/compte")
    String account(CurrentUser me, Model model) {
        model.addAttribute("account", accounts.summary(me.id()).orElseThrow(NotFound::new));
        if (me.collectivityId() != null) {
            model.addAttribute("collectivity", profiles.collectivity(me));
            model.addAttribute("referents", profiles.referents(me));
            model.addAttribute("colleagues", profiles.colleagues(me));
            if (!model.containsAttribute("referentForm")) {
                model.addAttribute("referentForm", ReferentForm.empty());
            }
        }
        return "membership/account";
    }

    /** What identifies a collectivity: after validation, members see these fields read-only and what they post is ignored. */
    static final Set<String> IDENTITY_FIELDS = Set.of("collectivity.name", "collectivity.category", "collectivity.siret");

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
        return "membership/profile-form";
    }

    @PostMapping("/compte/profil")
    String saveProfile(CurrentUser me, @Valid @ModelAttribute("form") ProfileForm form, BindingResult result,
                       @RequestParam(name = "logo", required = false) MultipartFile logo, Model model,
                       RedirectAttributes redirect) {
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
            } catch (ObjectOptimisticLockingFailureException e) {
                result.reject("conflict", "Le profil a été modifié entre-temps par un collègue : rechargez la page.");
            }
        }
        return profileForm(me, model);
    }

    /** The logo, for the collectivity's own members and ID77 staff; never guessed from its type by the browser. */
    @GetMapping("/collectivites/{id}/logo")
    ResponseEntity<InputStreamResource> logo(CurrentUser me, @PathVariable long id) throws IOException {
        Collectivity c = profiles.logoOwner(me, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.getLogoContentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"logo\"")
                .body(new InputStreamResource(profiles.openLogo(c)));
    }

    @GetMapping("/compte/collegues")
    String colleagueForm(Model model) {
        model.addAttribute("form", ColleagueForm.empty());
        return "membership/colleague-form";
    }

    @PostMapping("/compte/collegues")
    String inviteColleague(CurrentUser me, @Valid @ModelAttribute("form") ColleagueForm form, BindingResult result,
                           RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                profiles.inviteColleague(me, form);
                redirect.addFlashAttribute("success", "Invitation envoyée à " + form.email() + ".");
                return "redirect:/compte";
            } catch (fr.id77.account.AccountConflictException e) {
                result.rejectValue(e.field(), "taken", e.getMessage());
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            } catch (fr.id77.shared.mail.MailQuota.Exceeded e) {
                result.rejectValue("email", "quota", e.getMessage());
            }
        }
        return "membership/colleague-form";
    }
}
