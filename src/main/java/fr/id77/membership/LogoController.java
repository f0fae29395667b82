package fr.id77.membership;

import fr.id77.account.CurrentUser;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A collectivity's logo, for its own members and ID77 staff; never guessed from its type by the browser. */
@Controller
class LogoController {

    private final Logos logos;

    LogoController(Logos logos) {
        this.logos = logos;
    }

    @GetMapping("/collectivites/{id}/logo")
    ResponseEntity<InputStreamResource> logo(CurrentUser me, @PathVariable long id) throws IOException {
        Collectivity c = logos.owner(me, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.getLogoContentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"logo\"")
                .body(new InputStreamResource(logos.open(c)));
    }
}
