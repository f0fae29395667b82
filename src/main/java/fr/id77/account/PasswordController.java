package fr.id77.account;

import fr.id77.account.AccountForms.ChangePasswordForm;
import fr.id77.account.AccountForms.ForgottenPasswordForm;
import fr.id77.account.AccountForms.NewPasswordForm;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.FieldRefusal;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgotten password, choosing a password through a single-use link (welcome, invitation, reset), changing it. */
@Controller
class PasswordController {

    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final MailQuota quota;

    PasswordController(Passwords passwords, PasswordPolicy policy, MailQuota quota) {
        this.passwords = passwords;
        this.policy = policy;
        this.quota = quota;
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotten(Model model) {
        model.addAttribute("form", new ForgottenPasswordForm(""));
        return "account/forgotten-password";
    }

    @PostMapping("/mot-de-passe-oublie")
    String requestReset(
            @Valid @ModelAttribute("form") ForgottenPasswordForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "account/forgotten-password";
        }
        passwords.requestReset(form.login());
        redirect.addFlashAttribute(
                "success",
                "Si un compte actif correspond, un e-mail vient de lui être envoyé avec un lien "
                        + "pour choisir un nouveau mot de passe. Ce lien est valable une heure. Pour éviter les abus, nous n'envoyons "
                        + "pas plus de " + quota.maxPerAddress()
                        + " e-mails par heure à une même adresse : si rien n'arrive, patientez avant de redemander.");
        return "redirect:/mot-de-passe-oublie";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String newPassword(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("linkState", passwords.linkState(token));
        model.addAttribute("form", new NewPasswordForm(token, "", ""));
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/new-password";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String choosePassword(
            @Valid @ModelAttribute("form") NewPasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        new ChosenPasswordValidator(policy, passwords.linkHolder(form.token()).orElse(null)).validate(form, result);
        if (!result.hasErrors()) {
            try {
                passwords.choose(form.token(), form.password());
                redirect.addFlashAttribute(
                        "success", "Votre mot de passe est enregistré : vous pouvez vous connecter.");
                return "redirect:/connexion";
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        model.addAttribute("linkState", passwords.linkState(form.token()));
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/new-password";
    }

    @GetMapping("/compte/mot-de-passe")
    String editPassword(Model model) {
        model.addAttribute("form", new ChangePasswordForm("", "", ""));
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/change-password";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(
            CurrentUser me,
            @Valid @ModelAttribute("form") ChangePasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpSession session) {
        new ChosenPasswordValidator(policy, me.identifiant()).validate(form, result);
        if (!result.hasErrors()) {
            try {
                passwords.change(me.id(), form.current(), form.password(), session.getId());
                redirect.addFlashAttribute(
                        "success", "Votre mot de passe est modifié. Vos autres sessions ouvertes sont fermées.");
                return "redirect:/compte";
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            }
        }
        model.addAttribute("rules", PasswordPolicy.RULES);
        return "account/change-password";
    }
}
