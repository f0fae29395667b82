package fr.id77.notifications;

import fr.id77.account.CurrentUser;
import fr.id77.shared.web.SearchPage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** « Notifications »: the list (open one, mark all read) and the settings table (events × channels). */
@Controller
class NotificationsController {

    static final int PAGE_SIZE = 20;

    private final NotificationStore store;
    private final DailyDigest digest;

    NotificationsController(NotificationStore store, DailyDigest digest) {
        this.store = store;
        this.digest = digest;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) String page, CurrentUser user, Model model) {
        SearchPage query = SearchPage.of("/notifications", null, page);
        model.addAttribute("result", store.page(user.id(), query.page(), PAGE_SIZE));
        model.addAttribute("query", query);
        return "notifications/list";
    }

    /** Opens a notification: marked read, then on to its request. Another person's notification is « not found ». */
    @GetMapping("/notifications/{id}")
    String open(@PathVariable long id, CurrentUser user) {
        String link = store.open(user.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/notifications/lues")
    String markAllRead(CurrentUser user, RedirectAttributes flash) {
        int count = store.markAllRead(user.id());
        flash.addFlashAttribute(
                "success",
                count == 0
                        ? "Toutes vos notifications étaient déjà lues."
                        : count == 1
                                ? "1 notification marquée comme lue."
                                : count + " notifications marquées comme lues.");
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/parametres")
    String settings(CurrentUser user, Model model) {
        model.addAttribute("events", NotificationEvent.shownTo(user));
        model.addAttribute("channels", Channel.values());
        model.addAttribute(
                "off",
                store.optedOut(user.id()).stream()
                        .map(NotificationStore.Choice::value)
                        .collect(Collectors.toSet()));
        model.addAttribute("digestOffered", NotificationEvent.mayChooseDigest(user));
        model.addAttribute(
                "digest", digest.chosenBy(user.id()).stream().map(Enum::name).collect(Collectors.toSet()));
        return "notifications/settings";
    }

    /**
     * The form sends one {@code choix} per ticked box, « EVENT:CHANNEL »; every box left unticked is turned off. Staff
     * also send one {@code resume} per event whose mails go to the daily digest (an unknown or unshown event, or a
     * member's choice, is ignored).
     */
    @PostMapping("/notifications/parametres")
    String saveSettings(
            @RequestParam(name = "choix", required = false) List<String> ticked,
            @RequestParam(name = "resume", required = false) List<String> inDigest,
            CurrentUser user,
            RedirectAttributes flash) {
        List<NotificationEvent> events = NotificationEvent.shownTo(user);
        Set<NotificationStore.Choice> on = new HashSet<>();
        for (String value : ticked == null ? List.<String>of() : ticked) {
            NotificationStore.Choice choice = parseChoice(value);
            if (choice != null && events.contains(choice.event())) {
                on.add(choice);
            }
        }
        store.saveChoices(user.id(), events, on);
        if (NotificationEvent.mayChooseDigest(user)) {
            Set<NotificationEvent> digested = new HashSet<>();
            for (String name : inDigest == null ? List.<String>of() : inDigest) {
                events.stream().filter(e -> e.name().equals(name)).forEach(digested::add);
            }
            digest.choose(user.id(), events, digested);
        }
        flash.addFlashAttribute("success", "Paramètres enregistrés.");
        return "redirect:/notifications/parametres";
    }

    private static NotificationStore.Choice parseChoice(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 2);
        try {
            return parts.length == 2
                    ? new NotificationStore.Choice(NotificationEvent.valueOf(parts[0]), Channel.valueOf(parts[1]))
                    : null;
        } catch (IllegalArgumentException e) {
            return null; // a forged value: ignored, as an unticked box
        }
    }
}
