package fr.id77.account;

import fr.id77.account.AccountForms.ChangePasswordForm;
import fr.id77.account.AccountForms.LoginInfoForm;
import fr.id77.shared.web.FieldRefusal;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Éditer les informations de connexion », « Modifier le mot de passe », new e-mail confirmation. */
@Controller
class AccountSettingsController {

    private final AccountSettings settings;

    AccountSettingsController(AccountSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/compte/identifiants")
    String editLoginInfo(CurrentUser me, Model model) {
        model.addAttribute("form", settings.loginInfo(me.id()));
        return "account/login-info";
    }

    @PostMapping("/compte/identifiants")
    String saveLoginInfo(CurrentUser me, @Valid @ModelAttribute("form") LoginInfoForm form, BindingResult result,
                         RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "account/login-info";
        }
        try {
            boolean confirmationSent = settings.updateLoginInfo(me.id(), form);
            redirect.addFlashAttribute("success", confirmationSent
                    ? "Informations enregistrées. Votre nouvelle adresse e-mail sera prise en compte quand vous aurez "
                    + "cliqué sur le lien que nous venons de lui envoyer."
                    : "Informations de connexion enregistrées.");
            return "redirect:/compte";
        } catch (FieldRefusal e) {
            e.rejectInto(result);
        } catch (ObjectOptimisticLockingFailureException e) {
            result.reject("conflict", "Ces informations ont été modifiées entre-temps : rechargez la page.");
        }
        return "account/login-info";
    }

    @GetMapping("/compte/mot-de-passe")
    String editPassword(Model model) {
        model.addAttribute("form", new ChangePasswordForm("", "", ""));
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/change-password";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(CurrentUser me, @Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult result,
                          Model model, RedirectAttributes redirect, HttpSession session) {
        if (!result.hasErrors()) {
            try {
                settings.changePassword(me.id(), form.current(), form.password(), form.confirmation(), session.getId());
                redirect.addFlashAttribute("success", "Votre mot de passe est modifié. Vos autres sessions ouvertes sont fermées.");
                return "redirect:/compte";
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/change-password";
    }

    @GetMapping("/compte/courriel/confirmation")
    String emailLink(CurrentUser me, @RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("linkState", settings.emailChangeLinkState(me.id(), token));
        model.addAttribute("token", token);
        return "account/confirm-email-change";
    }

    @PostMapping("/compte/courriel/confirmation")
    String confirmEmail(CurrentUser me, @RequestParam("jeton") String token, RedirectAttributes redirect) {
        try {
            settings.confirmEmailChange(me.id(), token);
            redirect.addFlashAttribute("success", "Votre nouvelle adresse e-mail est enregistrée.");
        } catch (FieldRefusal e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/compte";
    }
}
