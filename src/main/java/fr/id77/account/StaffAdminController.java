package fr.id77.account;

import fr.id77.account.AccountForms.StaffInvitationForm;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.ConfirmFirst;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.SearchPage;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: every account, staff invitations (chef de file, admin), disabling an account. */
@Controller
class StaffAdminController {

    private static final Map<String, String> STAFF_ROLES =
            Map.of(Role.CHEF_DE_FILE.name(), Role.CHEF_DE_FILE.label(), Role.ADMIN.name(), Role.ADMIN.label());

    private final AccountDisabling disabling;
    private final Accounts accounts;

    StaffAdminController(AccountDisabling disabling, Accounts accounts) {
        this.disabling = disabling;
        this.accounts = accounts;
    }

    @GetMapping("/admin/comptes")
    String accounts(
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffInvitationForm("", "", "", "", Role.CHEF_DE_FILE));
        }
        SearchPage query = SearchPage.of("/admin/comptes", q, page);
        model.addAttribute("query", query);
        model.addAttribute("accounts", disabling.accounts(query));
        model.addAttribute("staffRoles", STAFF_ROLES);
        return "account/admin-accounts";
    }

    @PostMapping("/admin/comptes/invitation")
    String invite(
            CurrentUser me,
            @Valid @ModelAttribute("form") StaffInvitationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        new StaffInvitationValidator().validate(form, result);
        if (!result.hasErrors()) {
            try {
                accounts.invite(
                        new NewAccount(
                                form.identifiant(),
                                form.email(),
                                null,
                                form.firstName(),
                                form.lastName(),
                                null,
                                form.role(),
                                null),
                        me);
                redirect.addFlashAttribute("success", "Invitation envoyée à " + form.email() + ".");
                return "redirect:/admin/comptes";
            } catch (AccountConflictException e) {
                result.rejectValue(e.field(), "conflict", e.getMessage());
            } catch (MailQuota.Exceeded e) {
                result.rejectValue("email", "quota", e.getMessage());
            }
        }
        return accounts(null, null, model);
    }

    @ConfirmFirst(
            value = "Désactiver ce compte ?",
            detail = "Il ne pourra plus se connecter et ses sessions ouvertes seront fermées. "
                    + "Vous pourrez le réactiver. Un agent d'ID77 qui s'en va : confiez d'abord ses demandes "
                    + "ouvertes (« Demandes ouvertes » dans la liste des comptes).",
            button = "Oui, désactiver",
            back = "/admin/comptes")
    @PostMapping("/admin/comptes/{id}/desactiver")
    String disable(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return setDisabled(me, id, true, redirect);
    }

    @PostMapping("/admin/comptes/{id}/reactiver")
    String enable(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return setDisabled(me, id, false, redirect);
    }

    private String setDisabled(CurrentUser me, long id, boolean disabled, RedirectAttributes redirect) {
        try {
            disabling.setDisabled(id, disabled, me.id());
            redirect.addFlashAttribute("success", disabled ? "Compte désactivé." : "Compte réactivé.");
        } catch (FieldRefusal e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/comptes";
    }
}
