package fr.id77.membership;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link at the foot of every mail a technical referent receives (he may have no account): one button, no sign-in,
 * and he receives no more mails of the requests he follows until his collectivity ticks it again. The page is shown
 * by the link and the change made by the button, so that a mail scanner opening links unsubscribes nobody. An
 * unknown token is « not found ».
 */
@Controller
class ReferentUnsubscribeController {

    private final TechnicalReferentRepository referents;
    private final CollectivityRepository collectivities;

    ReferentUnsubscribeController(TechnicalReferentRepository referents, CollectivityRepository collectivities) {
        this.referents = referents;
        this.collectivities = collectivities;
    }

    @GetMapping("/contacts/desabonnement/{token}")
    @Transactional(readOnly = true)
    String page(@PathVariable String token, Model model) {
        return show(referent(token), false, model);
    }

    @PostMapping("/contacts/desabonnement/{token}")
    @Transactional
    String unsubscribe(@PathVariable String token, Model model) {
        TechnicalReferent referent = referent(token);
        referent.unsubscribe();
        return show(referent, true, model);
    }

    private TechnicalReferent referent(String token) {
        try {
            return referents.findByUnsubscribeToken(UUID.fromString(token)).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private String show(TechnicalReferent referent, boolean done, Model model) {
        model.addAttribute("referent", referent);
        model.addAttribute(
                "collectivity",
                collectivities
                        .findById(referent.getCollectivityId())
                        .map(Collectivity::getName)
                        .orElse("votre collectivité"));
        model.addAttribute("done", done);
        return "membership/referent-unsubscribe";
    }
}
