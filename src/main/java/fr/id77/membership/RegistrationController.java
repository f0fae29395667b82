package fr.id77.membership;

import fr.id77.account.AccountConflictException;
import fr.id77.account.Accounts;
import fr.id77.account.LinkState;
import fr.id77.membership.MembershipForms.RegistrationForm;
import fr.id77.membership.MembershipForms.ResendForm;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.validation.Identifiant;
import fr.id77.shared.web.FormBinding;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « S'inscrire »: the registration form, the e-mail confirmation link, a new link when it was lost or expired. */
@Controller
class RegistrationController {

    private final Adhesions adhesions;
    private final Accounts accounts;
    private final RegistrationValidator validator;

    private final FormBinding forms;

    RegistrationController(Adhesions adhesions, Accounts accounts, FormBinding forms) {
        this.forms = forms;
        this.adhesions = adhesions;
        this.accounts = accounts;
        this.validator = new RegistrationValidator(accounts::identifiantTaken, accounts::emailTaken);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAllAttributes(Choices.all());
        model.addAttribute("identifiantAdvice", "ATTENTION : " + Identifiant.ADVICE);
    }

    @GetMapping("/inscription")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "membership/registration";
    }

    @PostMapping("/inscription")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model) {
        BindingResult result = forms.whole(form, "form", binding, model);
        validator.validate(form, result);
        if (result.hasErrors()) {
            return "membership/registration";
        }
        try {
            adhesions.register(form);
        } catch (AccountConflictException e) {
            result.rejectValue(e.field(), "taken", e.getMessage());
            return "membership/registration";
        } catch (MailQuota.Exceeded e) {
            result.rejectValue("email", "quota", e.getMessage());
            return "membership/registration";
        }
        return "redirect:/inscription/envoyee";
    }

    @GetMapping("/inscription/envoyee")
    String sent() {
        return "membership/registration-sent";
    }

    @GetMapping("/inscription/confirmation")
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("linkState", accounts.registrationLinkState(token));
        model.addAttribute("token", token);
        model.addAttribute("form", new ResendForm(""));
        return "membership/confirm-email";
    }

    @PostMapping("/inscription/confirmation")
    String confirm(@RequestParam("jeton") String token, RedirectAttributes redirect) {
        if (!adhesions.confirmEmail(token)) {
            return "redirect:/inscription/confirmation?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        redirect.addFlashAttribute("confirmed", true);
        return "redirect:/inscription/envoyee";
    }

    @PostMapping("/inscription/renvoyer")
    String resend(
            @Valid @ModelAttribute("form") ResendForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("linkState", LinkState.UNKNOWN);
            return "membership/confirm-email";
        }
        try {
            accounts.resendRegistrationConfirmation(form.email());
        } catch (MailQuota.Exceeded e) {
            result.rejectValue("email", "quota", e.getMessage());
            model.addAttribute("linkState", LinkState.UNKNOWN);
            return "membership/confirm-email";
        }
        redirect.addFlashAttribute("resent", true);
        return "redirect:/inscription/envoyee";
    }
}
