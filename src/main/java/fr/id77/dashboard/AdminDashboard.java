package fr.id77.dashboard;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.audit.RecentDecisions;
import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.requests.RequestActivity;
import fr.id77.requests.RequestStatus;
import fr.id77.shared.mail.MailOutbox;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.time.WorkingDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The admins' dashboard: each figure with the address of the filtered list behind it, then the latest events. The
 * events are the journal of decisions (adhesions, accounts, offers) merged with the requests' filings and status
 * changes: what changes who may do what and where each request stands; comments and files, far more numerous, are
 * left to the « nouveautés » markers of the requests. A fixed number of statements, whatever the data's size.
 */
@Service
class AdminDashboard {

    /** The figures shown for requests waiting too long, in working days. */
    static final List<Integer> WAITING_THRESHOLDS = List.of(5, 10);

    static final int EVENTS = 20;

    /** A figure and the list it counts; {@code note} completes it (null when nothing to add). */
    record Figure(String label, long value, String url, String note) {}

    /** An event of the platform: when, who, what, on what, and where to read more. */
    record Event(Instant at, String who, String what, String subject, String url) {}

    /** Figures shown together under a title (its icon named for the sprite). */
    record Group(String id, String title, String icon, List<Figure> figures) {}

    record View(List<Group> groups, List<Event> events) {}

    private final RequestActivity requests;
    private final Collectivities collectivities;
    private final Offers offers;
    private final Accounts accounts;
    private final MailOutbox outbox;
    private final RecentDecisions decisions;
    private final Clock clock;

    AdminDashboard(
            RequestActivity requests,
            Collectivities collectivities,
            Offers offers,
            Accounts accounts,
            MailOutbox outbox,
            RecentDecisions decisions,
            Clock clock) {
        this.requests = requests;
        this.collectivities = collectivities;
        this.offers = offers;
        this.accounts = accounts;
        this.outbox = outbox;
        this.decisions = decisions;
        this.clock = clock;
    }

    View view() {
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));

        Collectivities.AwaitingValidation awaiting = collectivities.awaitingValidation();
        Figure adhesions = new Figure(
                "Adhésions à valider",
                awaiting.count(),
                "/admin/adhesions",
                awaiting.oldestSince() == null
                        ? null
                        : "la plus ancienne attend depuis "
                                + workingDays(WorkingDays.between(
                                        LocalDate.ofInstant(awaiting.oldestSince(), TimeConfiguration.PARIS), today)));

        Map<RequestStatus, Long> counts = requests.countsByStatus();
        List<Figure> byStatus = Stream.of(RequestStatus.values())
                .map(s -> new Figure(s.getLabel(), counts.getOrDefault(s, 0L), "/demandes?statut=" + s.name(), null))
                .toList();
        List<Figure> waiting = Stream.concat(
                        Stream.of(new Figure(
                                "En retard sur le délai de l'offre",
                                requests.late(),
                                "/demandes?retard=oui&tri=retard",
                                "réponse ou réalisation, en jours ouvrés")),
                        requests.waitingLongerThan(WAITING_THRESHOLDS).entrySet().stream()
                                .map(e -> new Figure(
                                        "En attente depuis plus de " + workingDays(e.getKey()),
                                        e.getValue(),
                                        "/demandes?statut=EN_ATTENTE&attente=" + e.getKey(),
                                        null)))
                .toList();

        List<Offers.OfferRef> offerRefs = offers.references();
        List<AccountSummary> staff = accounts.staff();
        Set<Long> activeStaff = staff.stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .map(AccountSummary::id)
                .collect(Collectors.toSet());
        long withoutChef = offerRefs.stream()
                .filter(o -> o.published() && (o.chefDeFileId() == null || !activeStaff.contains(o.chefDeFileId())))
                .count();
        Figure offersWithoutChef = new Figure(
                "Offres publiées sans chef de file actif",
                withoutChef,
                "/admin/offres?publication=publiees&chef=aucun",
                null);

        MailOutbox.Backlog backlog = outbox.backlog();
        List<Figure> mails = List.of(
                new Figure("Courriels en échec", backlog.failed(), "/admin/courriels", null),
                new Figure("Courriels en attente d'envoi", backlog.waiting(), "/admin/courriels", null));

        LocalDate monthStart = today.withDayOfMonth(1);
        Figure joined = new Figure(
                "Collectivités ayant adhéré ce mois-ci",
                decisions.adhesionsValidatedSince(monthStart),
                RecentDecisions.adhesionsValidatedUrl(monthStart),
                null);

        return new View(
                List.of(
                        new Group("adhesions", "Adhésions", "buildings", List.of(adhesions, joined)),
                        new Group("statuts", "Demandes par statut", "card-checklist", byStatus),
                        new Group("attente", "Demandes qui attendent une réponse", "clock-history", waiting),
                        new Group(
                                "suivi",
                                "Catalogue et courriels",
                                "exclamation-triangle-fill",
                                Stream.concat(Stream.of(offersWithoutChef), mails.stream())
                                        .toList())),
                events(offerRefs));
    }

    /** The latest decisions and request changes, merged newest first. */
    private List<Event> events(List<Offers.OfferRef> offerRefs) {
        List<Event> events = new ArrayList<>();
        decisions
                .latest(EVENTS)
                .forEach(d -> events.add(new Event(d.at(), d.actorName(), d.what(), d.subjectLabel(), d.journalUrl())));
        List<RequestActivity.RecentChange> changes = requests.recentChanges(EVENTS);
        Map<Long, Offers.OfferRef> offerById =
                offerRefs.stream().collect(Collectors.toMap(Offers.OfferRef::id, Function.identity()));
        Map<Long, AccountSummary> people = accounts.summaries(
                changes.stream().map(RequestActivity.RecentChange::actorId).collect(Collectors.toSet()));
        changes.forEach(c -> {
            AccountSummary actor = people.get(c.actorId());
            Offers.OfferRef offer = offerById.get(c.offerId());
            events.add(new Event(
                    c.at(),
                    actor == null ? "Compte n° " + c.actorId() : actor.displayName(),
                    c.filed()
                            ? "Demande déposée"
                            : "Demande passée de « " + c.from().getLabel() + " » à « " + c.to().getLabel() + " »",
                    "Demande N°" + c.numero() + (offer == null ? "" : " – " + offer.code() + " " + offer.title()),
                    "/demandes/" + c.numero()));
        });
        return events.stream()
                .sorted(Comparator.comparing(Event::at).reversed())
                .limit(EVENTS)
                .toList();
    }

    static String workingDays(long n) {
        return n + (n <= 1 ? " jour ouvré" : " jours ouvrés");
    }
}
