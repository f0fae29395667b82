package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.membership.Collectivities;
import fr.id77.shared.web.FormBinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** « Demandes »: the list (by role), a request's page, its print view and its files. */
@Controller
class RequestsController {

    private final RequestReadModel read;
    private final RequestPages pages;
    private final CatalogueReference catalogue;
    private final Collectivities collectivities;

    private final RequestFiles files;
    private final RequestListFilterValidator filterValidator;
    private final FormBinding forms;
    private final RequestActivity activity;
    private final RequestRatings ratings;

    RequestsController(
            RequestReadModel read,
            RequestPages pages,
            CatalogueReference catalogue,
            Collectivities collectivities,
            RequestFiles files,
            RequestListFilterValidator filterValidator,
            FormBinding forms,
            RequestActivity activity,
            RequestRatings ratings) {
        this.ratings = ratings;
        this.forms = forms;
        this.activity = activity;
        this.files = files;
        this.filterValidator = filterValidator;
        this.read = read;
        this.pages = pages;
        this.catalogue = catalogue;
        this.collectivities = collectivities;
    }

    /**
     * The list, filtered; a filter that does not bind or validate is refused next to its field, the others apply
     * ({@link FormBinding} keeps the filter whole when a value did not bind).
     */
    @GetMapping("/demandes")
    String list(
            @ModelAttribute("filtre") RequestListFilter filter, BindingResult binding, CurrentUser user, Model model) {
        RequestListQuery query = filterValidator.cleaned(filter, forms.whole(filter, "filtre", binding, model));
        Actor actor = RequestPages.actor(user);
        model.addAttribute("query", query);
        RequestReadModel.ListPage result = read.list(query, actor);
        model.addAttribute("result", result);
        model.addAttribute(
                "news",
                activity.news(
                        result.rows().stream()
                                .map(RequestReadModel.ListedRequest::numero)
                                .toList(),
                        user.id(),
                        actor.staff()));
        model.addAttribute("staffView", actor.staff());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute(
                "tabs",
                List.of(
                        RequestStatus.EN_ATTENTE,
                        RequestStatus.EN_COURS,
                        RequestStatus.COMPLEMENTS,
                        RequestStatus.TERMINEE));
        Map<String, String> domainChoices = new LinkedHashMap<>();
        Map<String, Map<String, String>> thematicChoices = new LinkedHashMap<>();
        catalogue.domains().forEach(d -> {
            domainChoices.put(d.slug(), d.label());
            Map<String, String> thematics = new LinkedHashMap<>();
            d.thematics().forEach(t -> thematics.put(t.slug(), t.label()));
            thematicChoices.put(d.label(), thematics);
        });
        model.addAttribute("domainChoices", domainChoices);
        model.addAttribute("thematicChoices", thematicChoices);
        model.addAttribute("offerChoices", result.offerChoices());
        if (actor.staff()) {
            model.addAttribute("cantons", collectivities.cantons());
        }
        return "requests/list";
    }

    @GetMapping("/demandes/{numero}")
    String show(
            @PathVariable int numero,
            @RequestParam(required = false) String ordre,
            @RequestParam(required = false) Long repondre,
            CurrentUser user,
            Model model) {
        RequestPages.Page page = pages.page(numero, RequestPages.actor(user), "recents".equals(ordre));
        activity.seen(page.state().id(), user.id()); // what others did until now is no longer news to this viewer
        model.addAttribute("p", page);
        model.addAttribute("rating", ratings.of(page.state(), RequestPages.actor(user)));
        model.addAttribute(
                "replyTo",
                repondre == null
                        ? null
                        : page.comments().stream()
                                .filter(c -> c.line().id() == repondre)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("printView", false);
        model.addAttribute("sections", pages.sections(page.state(), RequestPages.actor(user), false));
        model.addAttribute(FormTokens.FIELD, FormTokens.fresh());
        model.addAttribute("noteEnvoi", FormTokens.fresh()); // its own: a note and a message never share a token
        model.addAttribute("upload", files.rules(page.state().collectivityId()));
        return "requests/show";
    }

    /** « Annuler » from the list: a confirmation page that works without JavaScript. */
    @GetMapping("/demandes/{numero}/annulation")
    String confirmCancel(@PathVariable int numero, CurrentUser user, Model model) {
        model.addAttribute("p", pages.page(numero, RequestPages.actor(user), false));
        return "requests/cancel";
    }

    @GetMapping("/demandes/{numero}/impression")
    String print(@PathVariable int numero, CurrentUser user, Model model) {
        RequestPages.Page page = pages.page(numero, RequestPages.actor(user), false);
        model.addAttribute("p", page);
        model.addAttribute("rating", ratings.of(page.state(), RequestPages.actor(user)));
        model.addAttribute("printView", true);
        model.addAttribute("sections", pages.sections(page.state(), RequestPages.actor(user), true));
        return "requests/show";
    }

    /** A file, after the visibility check; always as a download, never rendered by the browser. */
    @GetMapping("/demandes/{numero}/fichiers/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable int numero, @PathVariable long id, CurrentUser user)
            throws IOException {
        RequestFiles.OpenedAttachment file = files.open(numero, id, RequestPages.actor(user));
        InputStream content = file.content();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.sizeBytes())
                .body(new InputStreamResource(content));
    }
}
