package fr.id77.account;

import fr.id77.account.AccountForms.LoginInfoForm;
import fr.id77.shared.web.FieldRefusal;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Éditer les informations de connexion », and the link confirming a new e-mail address. */
@Controller
class LoginInfoController {

    private final LoginInfo loginInfo;

    LoginInfoController(LoginInfo loginInfo) {
        this.loginInfo = loginInfo;
    }

    @GetMapping("/compte/identifiants")
    String editLoginInfo(CurrentUser me, Model model) {
        model.addAttribute("form", loginInfo.form(me.id()));
        return "account/login-info";
    }

    @PostMapping("/compte/identifiants")
    String saveLoginInfo(
            CurrentUser me,
            @Valid @ModelAttribute("form") LoginInfoForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        new LoginInfoValidator(email -> loginInfo.emailTakenByAnother(email, me.id())).validate(form, result);
        if (result.hasErrors()) {
            return "account/login-info";
        }
        try {
            boolean confirmationSent = loginInfo.update(me.id(), form);
            redirect.addFlashAttribute(
                    "success",
                    confirmationSent
                            ? "Informations enregistrées. Votre nouvelle adresse e-mail sera prise en compte quand vous aurez "
                                    + "cliqué sur le lien que nous venons de lui envoyer."
                            : "Informations de connexion enregistrées.");
            return "redirect:/compte";
        } catch (FieldRefusal e) {
            e.rejectInto(result);
        }
        return "account/login-info";
    }

    @GetMapping("/compte/courriel/confirmation")
    String emailLink(CurrentUser me, @RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("linkState", loginInfo.emailChangeLinkState(me.id(), token));
        model.addAttribute("token", token);
        return "account/confirm-email-change";
    }

    @PostMapping("/compte/courriel/confirmation")
    String confirmEmail(CurrentUser me, @RequestParam("jeton") String token, RedirectAttributes redirect) {
        try {
            loginInfo.confirmEmailChange(me.id(), token);
            redirect.addFlashAttribute("success", "Votre nouvelle adresse e-mail est enregistrée.");
        } catch (FieldRefusal e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/compte";
    }
}
