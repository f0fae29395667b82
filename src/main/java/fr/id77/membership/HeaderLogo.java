package fr.id77.membership;

import fr.id77.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The collectivity's logo in the header user menu ({@code headerLogo}, null when none). */
@ControllerAdvice
class HeaderLogo {

    private final JdbcClient jdbc;

    HeaderLogo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ModelAttribute("headerLogo")
    String headerLogo() {
        return CurrentUser.current()
                .filter(me -> me.collectivityId() != null)
                .flatMap(me -> jdbc.sql("SELECT logo_key IS NOT NULL FROM collectivity WHERE id = ?")
                        .param(me.collectivityId())
                        .query(Boolean.class)
                        .optional()
                        .filter(Boolean::booleanValue)
                        .map(has -> "/collectivites/" + me.collectivityId() + "/logo"))
                .orElse(null);
    }
}
