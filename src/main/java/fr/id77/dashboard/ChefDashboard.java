package fr.id77.dashboard;

import fr.id77.catalogue.Offers;
import fr.id77.membership.Collectivities;
import fr.id77.requests.RequestActivity;
import fr.id77.requests.RequestDeadlines;
import fr.id77.requests.RequestStatus;
import fr.id77.shared.time.TimeConfiguration;
import fr.id77.shared.time.WorkingDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * A chef de file's dashboard (an admin's for himself): his requests to process with their age in working days, those in
 * progress with their last exchange, and those with comments or files he has not seen. Six statements.
 */
@Service
class ChefDashboard {

    /** A request as the dashboard lists it. {@code news}: what others did since he last opened it. */
    record Line(
            int numero,
            RequestStatus status,
            String offer,
            String collectivity,
            Instant filedAt,
            long ageInWorkingDays,
            Instant lastExchange,
            long news,
            long lateDays) {}

    /**
     * How a section is shown: its anchor, title and icon, what its own column holds ({@code age}, {@code exchange} or
     * {@code status}) and its header, the table's caption, what it says when empty, what its first lines are.
     */
    record Heading(
            String id,
            String title,
            String icon,
            String kind,
            String column,
            String caption,
            String empty,
            String shown) {}

    /** A section: its first lines, how many requests it holds, and the list showing them all. */
    record Section(Heading heading, List<Line> lines, long total, String listUrl) {
        public boolean truncated() {
            return total > lines.size();
        }
    }

    record View(Section toProcess, Section inProgress, Section news) {
        public List<Section> sections() {
            return List.of(toProcess, inProgress, news);
        }
    }

    static final Heading TO_PROCESS = new Heading(
            "a-traiter",
            "À traiter",
            "inbox",
            "age",
            "Attend depuis",
            "Demandes en attente, les plus anciennes d'abord",
            "Aucune demande en attente : rien à traiter.",
            "plus anciennes");
    static final Heading IN_PROGRESS = new Heading(
            "en-cours",
            "En cours",
            "clock-history",
            "exchange",
            "Dernier échange",
            "Demandes en cours, celles sans échange depuis le plus longtemps d'abord",
            "Aucune demande en cours.",
            "sans échange depuis le plus longtemps");
    static final Heading NEWS = new Heading(
            "nouveautes",
            "Nouveautés",
            "chat-dots",
            "status",
            "Statut",
            "Demandes avec des messages ou des fichiers que vous n'avez pas vus, les plus récentes d'abord",
            "Aucun message ni fichier que vous n'ayez vu.",
            "plus récentes");

    private final RequestActivity requests;
    private final Offers offers;
    private final Collectivities collectivities;
    private final Clock clock;

    ChefDashboard(RequestActivity requests, Offers offers, Collectivities collectivities, Clock clock) {
        this.requests = requests;
        this.offers = offers;
        this.collectivities = collectivities;
        this.clock = clock;
    }

    View view(long userId) {
        RequestActivity.Desk desk = requests.desk(userId);
        Map<Long, Offers.OfferRef> offerById =
                offers.references().stream().collect(Collectors.toMap(Offers.OfferRef::id, Function.identity()));
        Map<Long, String> names = collectivities
                .names(
                        Stream.of(desk.toProcess(), desk.inProgress(), desk.news())
                                .flatMap(s -> s.lines().stream())
                                .map(RequestActivity.DeskLine::collectivityId)
                                .collect(Collectors.toSet()),
                        List.of())
                .collectivities();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.PARIS));
        Function<RequestActivity.Section, List<Line>> lines = section -> section.lines().stream()
                .map(l -> {
                    Offers.OfferRef offer = offerById.get(l.offerId());
                    return new Line(
                            l.numero(),
                            l.status(),
                            offer == null ? "" : offer.code() + " – " + offer.title(),
                            names.getOrDefault(l.collectivityId(), ""),
                            l.filedAt(),
                            WorkingDays.between(LocalDate.ofInstant(l.filedAt(), TimeConfiguration.PARIS), today),
                            l.lastExchange(),
                            l.news(),
                            RequestDeadlines.lateBy(l.dueOn(), today));
                })
                .toList();
        return new View(
                new Section(
                        TO_PROCESS,
                        lines.apply(desk.toProcess()),
                        desk.toProcess().total(),
                        "/demandes?statut=EN_ATTENTE&tri=anciennes"),
                new Section(
                        IN_PROGRESS,
                        lines.apply(desk.inProgress()),
                        desk.inProgress().total(),
                        "/demandes?statut=EN_COURS"),
                new Section(NEWS, lines.apply(desk.news()), desk.news().total(), "/demandes"));
    }
}
