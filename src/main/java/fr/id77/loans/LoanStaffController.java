package fr.id77.loans;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.requests.Actor;
import fr.id77.shared.calendar.IcsCalendar;
import fr.id77.shared.web.FieldRefusal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's loans: the calendar of every exhibition ({@code /gestion/expositions}, chefs de file and admins), their
 * iCalendar feeds (created, revoked), the feed itself ({@code /calendriers/{token}.ics}, public but unguessable), and
 * the handler's choice of copy on a request's page.
 */
@Controller
class LoanStaffController {

    private final Exhibitions exhibitions;
    private final StaffCalendar calendar;
    private final LoanFeeds feeds;
    private final LoanBookings bookings;

    LoanStaffController(Exhibitions exhibitions, StaffCalendar calendar, LoanFeeds feeds, LoanBookings bookings) {
        this.exhibitions = exhibitions;
        this.calendar = calendar;
        this.feeds = feeds;
        this.bookings = bookings;
    }

    @GetMapping("/gestion/expositions")
    String calendar(@RequestParam(name = "offre", required = false) String code, CurrentUser user, Model model) {
        requireStaff(user);
        List<Exhibitions.ExhibitionOffer> all = exhibitions.all();
        String chosen = all.stream()
                .map(Exhibitions.ExhibitionOffer::code)
                .filter(c -> c.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElse(null);
        model.addAttribute("exhibitions", all);
        model.addAttribute("chosen", chosen);
        model.addAttribute("months", calendar.months(bookings.today()));
        model.addAttribute(
                "calendars",
                calendar.of(
                        all.stream()
                                .filter(o -> chosen == null || o.code().equals(chosen))
                                .toList(),
                        bookings.today()));
        model.addAttribute("myFeed", feeds.chefToken(user.id()).map(feeds::url).orElse(null));
        return "loans/staff";
    }

    @PostMapping("/gestion/expositions/{code}/abonnement")
    String renewExhibitionFeed(@PathVariable String code, CurrentUser user, RedirectAttributes flash) {
        requireStaff(user);
        Exhibitions.ExhibitionOffer offer = exhibitions.all().stream()
                .filter(o -> o.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(LoanBookings::notFound);
        boolean had = feeds.exhibitionToken(offer.id()).isPresent();
        feeds.renewExhibition(offer.id());
        flash.addFlashAttribute(
                "success",
                had
                        ? "L'ancien lien d'abonnement de " + offer.code() + " est révoqué : voici le nouveau."
                        : "Le lien d'abonnement de " + offer.code() + " est créé.");
        return "redirect:/gestion/expositions?offre=" + offer.code() + "#expo-" + offer.code();
    }

    @PostMapping("/gestion/expositions/mon-abonnement")
    String renewMyFeed(CurrentUser user, RedirectAttributes flash) {
        requireStaff(user);
        boolean had = feeds.chefToken(user.id()).isPresent();
        feeds.renewChef(user.id());
        flash.addFlashAttribute(
                "success",
                had
                        ? "L'ancien lien de votre calendrier est révoqué : voici le nouveau."
                        : "Le lien de votre calendrier est créé.");
        return "redirect:/gestion/expositions#mon-calendrier";
    }

    @GetMapping("/calendriers/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.ics(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(IcsCalendar.MEDIA_TYPE))
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"prets-id77.ics\"")
                        .body(ics))
                .orElseThrow(LoanBookings::notFound);
    }

    @PostMapping("/expositions/demandes/{numero}/exemplaire")
    String chooseCopy(
            @PathVariable int numero,
            @RequestParam(name = "exemplaire", required = false) Long copyId,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            bookings.chooseCopy(numero, copyId, Actor.of(user));
            flash.addFlashAttribute(
                    "success",
                    copyId == null
                            ? "Le prêt prendra le premier exemplaire libre."
                            : "L'exemplaire du prêt est enregistré.");
        } catch (FieldRefusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/demandes/" + numero + "#pret";
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.isAdmin() && !user.hasRole(Role.CHEF_DE_FILE)) {
            throw new AccessDeniedException("Réservé au personnel d'ID77");
        }
    }
}
