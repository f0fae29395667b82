package fr.id77.membership;

import fr.id77.account.AccountConflictException;
import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ColleagueForm;
import fr.id77.shared.mail.MailQuota;
import fr.id77.shared.web.FieldRefusal;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Inviter un collègue »: a member gives a colleague an account of the same collectivity. */
@Controller
class ColleagueController {

    private final Colleagues colleagues;

    ColleagueController(Colleagues colleagues) {
        this.colleagues = colleagues;
    }

    @GetMapping("/compte/collegues")
    String colleagueForm(Model model) {
        model.addAttribute("form", ColleagueForm.empty());
        return "membership/colleague-form";
    }

    @PostMapping("/compte/collegues")
    String inviteColleague(
            CurrentUser me,
            @Valid @ModelAttribute("form") ColleagueForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                colleagues.invite(me, form);
                redirect.addFlashAttribute("success", "Invitation envoyée à " + form.email() + ".");
                return "redirect:/compte";
            } catch (AccountConflictException e) {
                result.rejectValue(e.field(), "taken", e.getMessage());
            } catch (FieldRefusal e) {
                e.rejectInto(result);
            } catch (MailQuota.Exceeded e) {
                result.rejectValue("email", "quota", e.getMessage());
            }
        }
        return "membership/colleague-form";
    }
}
