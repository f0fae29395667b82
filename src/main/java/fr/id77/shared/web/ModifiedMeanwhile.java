package fr.id77.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer to « someone saved this between your loading the form and your sending it »: whatever form it
 * was, the optimistic-lock failure (a stale hidden version, see {@link Versions}, or a race lost at flush time)
 * becomes the « modifié entre-temps » page, which shows what the user typed so that nothing is lost, and links
 * to the current version. Services and controllers no longer catch it.
 */
@ControllerAdvice
public class ModifiedMeanwhile {

    /** What the user had typed, under the label of its field. */
    public record Typed(String label, String value) {}

    private final MessageSource messages;
    private final LayoutModel layout;

    ModifiedMeanwhile(MessageSource messages, LayoutModel layout) {
        this.messages = messages;
        this.layout = layout;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView modifiedMeanwhile(OptimisticLockingFailureException failure, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("modified-meanwhile", HttpStatus.CONFLICT);
        // an exception handler's model gets no @ModelAttribute of the advices: the layout's own attributes are added
        // here
        page.addObject("assets", layout.assets());
        page.addObject("fmt", layout.fmt());
        page.addObject("what", what(failure));
        page.addObject("typed", typed(request.getParameterMap()));
        page.addObject("back", back(request));
        return page;
    }

    /** « L'offre », « Le profil »…: the object that changed, named by its entity, or a neutral phrase. */
    private String what(OptimisticLockingFailureException failure) {
        String entity =
                failure instanceof ObjectOptimisticLockingFailureException o && o.getPersistentClassName() != null
                        ? o.getPersistentClassName()
                                .substring(o.getPersistentClassName().lastIndexOf('.') + 1)
                        : "";
        return messages.getMessage("entite." + entity, null, "Ces informations", Locale.FRENCH);
    }

    /**
     * The submitted values that a person typed or chose, labelled as in the form: only the parameters that have a
     * {@code champ.<name>} label (hidden versions, tokens and identifiers have none), never a password.
     */
    List<Typed> typed(Map<String, String[]> parameters) {
        List<Typed> typed = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (TrimmedParameters.SECRETS.contains(name)) {
                return;
            }
            String label = messages.getMessage("champ." + name, null, null, Locale.FRENCH);
            String value = String.join(
                    ", ",
                    List.of(values).stream()
                            .filter(v -> v != null && !v.isBlank())
                            .toList());
            if (label != null && !value.isEmpty()) {
                typed.add(new Typed(label, value));
            }
        });
        return typed;
    }

    /** The page the form came from when it is one of ours, else the address that was posted to. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String origin = request.getScheme() + "://" + request.getServerName();
        if (referer != null && referer.startsWith(origin)) {
            String rest = referer.substring(origin.length()).replaceFirst("^:\\d+", "");
            if (rest.startsWith("/") && !rest.startsWith("//")) {
                return rest;
            }
        }
        return request.getRequestURI();
    }
}
