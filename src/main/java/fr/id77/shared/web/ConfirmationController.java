package fr.id77.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The page a {@link ConfirmFirst} post is forwarded to by {@link Confirmations}; nothing to see when reached directly. */
@Controller
class ConfirmationController {

    @PostMapping(Confirmations.PAGE)
    String confirm(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(Confirmations.ATTRIBUTE) instanceof Confirmations.Question question)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("q", question);
        return "confirm";
    }
}
