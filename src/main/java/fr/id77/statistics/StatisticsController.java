package fr.id77.statistics;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.Offers.OfferRef;
import fr.id77.membership.Collectivities;
import fr.id77.shared.export.CsvWriter;
import fr.id77.trainings.TrainingFigures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * {@code /statistiques}: the figures for admins (the whole département) and chefs de file (the offers they lead);
 * 403 for anyone else. Every figure is also a CSV download with the same filters.
 */
@Controller
class StatisticsController {

    private final Statistics statistics;
    private final StatisticsCache cache;
    private final ITemplateEngine templates;
    private final StatisticsFilters filters;
    private final CatalogueReference catalogue;
    private final Collectivities collectivities;
    private final TrainingFigures trainings;

    StatisticsController(
            Statistics statistics,
            StatisticsCache cache,
            ITemplateEngine templates,
            StatisticsFilters filters,
            CatalogueReference catalogue,
            Collectivities collectivities,
            TrainingFigures trainings) {
        this.trainings = trainings;
        this.statistics = statistics;
        this.cache = cache;
        this.templates = templates;
        this.filters = filters;
        this.catalogue = catalogue;
        this.collectivities = collectivities;
    }

    @GetMapping("/statistiques")
    String page(
            @ModelAttribute("filtre") StatisticsFilter filter,
            BindingResult errors,
            CurrentUser user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Statistics.Viewer viewer = viewer(user);
        List<OfferRef> offers = statistics.offersOf(viewer);
        StatisticsQuery query = filters.read(filter, errors, offers, statistics.today());
        StatisticsCache.Entry figures =
                cache.figures(query, viewer, offers, report -> render(report, request, response));
        model.addAttribute("figures", figures.html());
        model.addAttribute("trainings", trainingFigures(query, offers));
        model.addAttribute("query", query);
        model.addAttribute("periods", Period.Kind.values());
        model.addAttribute("offers", offers);
        model.addAttribute("domainChoices", choices(catalogue.domains(), d -> d.slug(), d -> d.label()));
        model.addAttribute("offerChoices", choices(offers, OfferRef::code, OfferRef::choiceLabel));
        model.addAttribute("cantons", collectivities.cantons());
        model.addAttribute("wholeDepartement", viewer.admin());
        return "statistics/page";
    }

    /** One figure as CSV for a spreadsheet; filters that do not validate are left out, as on the page. */
    @GetMapping("/statistiques/{figure}.csv")
    void csv(@PathVariable String figure, StatisticsFilter filter, CurrentUser user, HttpServletResponse response)
            throws IOException {
        Statistics.Viewer viewer = viewer(user);
        List<OfferRef> offers = statistics.offersOf(viewer);
        StatisticsQuery query =
                filters.read(filter, new BeanPropertyBindingResult(filter, "filtre"), offers, statistics.today());
        Report report = cache.figures(query, viewer, offers, null).report();
        StatisticsCsv.Table table = StatisticsCsv.table(report, figure)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(table.fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        CsvWriter csv = new CsvWriter(response.getOutputStream());
        table.rows().forEach(csv::row);
        csv.flush();
    }

    /**
     * The HTML of the figures (statistics/figures.html), for the cache: drawn from the report alone, in the page's
     * language, its links (icons) built as the page's are.
     */
    private String render(Report report, HttpServletRequest request, HttpServletResponse response) {
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(request, response),
                Locale.FRANCE,
                Map.of("report", report, "query", report.query()));
        return templates.process("statistics/figures", Set.of("figures"), context);
    }

    /** The sessions held, registrations and attendance of the period, for the offers and canton filtered. */
    private TrainingFigures.Summary trainingFigures(StatisticsQuery query, List<OfferRef> offers) {
        List<Long> counted = offers.stream()
                .filter(o -> query.offer() == null || o.id() == query.offer().id())
                .filter(o -> query.domain() == null
                        || o.domainIds().contains(query.domain().id()))
                .map(OfferRef::id)
                .toList();
        return trainings.over(
                query.period().from(),
                query.period().to(),
                counted,
                query.canton().isEmpty() ? null : collectivities.idsMatching("", query.canton()));
    }

    private static <T> Map<String, String> choices(
            List<T> items, Function<T, String> value, Function<T, String> label) {
        Map<String, String> choices = new LinkedHashMap<>();
        items.forEach(i -> choices.put(value.apply(i), label.apply(i)));
        return choices;
    }

    private static Statistics.Viewer viewer(CurrentUser user) {
        if (user.isAdmin()) {
            return new Statistics.Viewer(user.id(), true);
        }
        if (user.hasRole(Role.CHEF_DE_FILE)) {
            return new Statistics.Viewer(user.id(), false);
        }
        throw new AccessDeniedException("Statistiques réservées aux administrateurs et aux chefs de file");
    }
}
