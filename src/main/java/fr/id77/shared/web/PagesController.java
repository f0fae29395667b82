package fr.id77.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Information pages: contact, legal notice, accessibility statement. */
@Controller
class PagesController {

    @GetMapping("/contact")
    String contact() {
        return "pages/contact";
    }

    @GetMapping("/mentions-legales")
    String legal() {
        return "pages/mentions-legales";
    }

    @GetMapping("/accessibilite")
    String accessibility() {
        return "pages/accessibilite";
    }
}
