package fr.id77.requests;

import fr.id77.shared.web.FieldRefusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collectivity's opinion of a completed request: once it is « Terminée », a member of the collectivity that filed
 * it rates it once, from 1 to 5, with an optional comment ({@code request_rating}, V53). Staff and the collectivity see
 * it on the request's page; the statistics count it per offer and domain.
 */
@Service
public class RequestRatings {

    /** The longest comment kept with a rating. */
    public static final int MAX_COMMENT = 2000;

    /** What each note means, from 1 to 5, as the form and the page say it. */
    public static final List<String> MEANINGS =
            List.of("Très insatisfait", "Insatisfait", "Moyennement satisfait", "Satisfait", "Très satisfait");

    public record Rating(int note, String comment, String ratedBy, Instant ratedAt) {

        public String meaning() {
            return MEANINGS.get(note - 1);
        }
    }

    /** What the request's page shows of it: the rating given, if any, and whether this viewer may give it now. */
    public record View(Rating rating, boolean canRate) {

        /** Whether the page has an « avis » section: the rating given, or the form (never on the print view). */
        public boolean shown(boolean printView) {
            return rating != null || (canRate && !printView);
        }

        /** The notes to choose from, by their meaning: the first is 1. */
        public List<String> meanings() {
            return MEANINGS;
        }
    }

    private final RequestRepository requests;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestRatings(RequestRepository requests, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The rating of a request whose visibility the page has just checked, and whether {@code actor} may rate it. */
    @Transactional(readOnly = true)
    public View of(RequestViews.RequestState state, Actor actor) {
        Rating rating = jdbc.sql("SELECT g.rating, g.comment, u.first_name || ' ' || u.last_name, g.rated_at "
                        + "FROM request_rating g JOIN app_user u ON u.id = g.rated_by WHERE g.request_id = ?")
                .param(state.id())
                .query((rs, n) -> new Rating(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional()
                .orElse(null);
        boolean member = actor.collectivityId() != null && actor.collectivityId() == state.collectivityId();
        return new View(rating, rating == null && member && state.status() == RequestStatus.TERMINEE);
    }

    /**
     * Records the collectivity's rating of its completed request. A note that is not 1 to 5 or a comment too long is
     * refused next to its field; a request the actor may not see is « not found »; staff, another state than
     * « Terminée » or a second rating are refused with a message.
     */
    @Transactional
    public void rate(int numero, String note, String comment, Actor actor) {
        Request request = requests.visibleTo(numero, actor);
        if (!request.isMember(actor)) {
            throw RequestException.forbidden("Seule la collectivité qui a déposé la demande peut donner son avis.");
        }
        if (request.getStatus() != RequestStatus.TERMINEE) {
            throw RequestException.forbidden("Vous pourrez donner votre avis quand la demande sera terminée.");
        }
        int stars = note(note);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new FieldRefusal(
                    "commentaire",
                    "Votre commentaire compte " + text.length() + " caractères : " + MAX_COMMENT + " au plus.");
        }
        int written = jdbc.sql("INSERT INTO request_rating (request_id, rating, comment, rated_by, rated_at) "
                        + "VALUES (:request, :note, :comment, :by, :at) ON CONFLICT (request_id) DO NOTHING")
                .param("request", request.getId())
                .param("note", stars)
                .param("comment", text)
                .param("by", actor.userId())
                .param("at", Timestamp.from(Instant.now(clock)))
                .update();
        if (written == 0) {
            throw RequestException.forbidden(
                    "Cette demande a déjà reçu l'avis de votre collectivité : un seul avis par demande.");
        }
    }

    private static int note(String note) {
        try {
            int stars = Integer.parseInt(note == null ? "" : note.strip());
            if (stars >= 1 && stars <= MEANINGS.size()) {
                return stars;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FieldRefusal("note", "Choisissez une note de 1 (très insatisfait) à 5 (très satisfait).");
    }
}
