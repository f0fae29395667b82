package fr.id77.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security processes the form posted to the same address. */
@Controller
class LoginController {

    @GetMapping("/connexion")
    String login() {
        return "account/login";
    }
}
