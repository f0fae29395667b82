package fr.id77.requests;

import fr.id77.shared.web.PageSection;
import java.util.Optional;

/**
 * What another module adds to a request's page (beans of this type, in their {@code @Order}), shown above its actions:
 * an exhibition request's wished period and booking, say. The page is shown only to who may see the request; the
 * contributor decides what each of them sees from {@code viewer}.
 */
public interface RequestPageSections {

    /** The request as the page shows it, and who looks at it. */
    record Request(
            long id,
            int numero,
            long offerId,
            long collectivityId,
            Long chefDeFileId,
            RequestStatus status,
            long version,
            boolean canProcess,
            Actor viewer) {}

    /** Its section for this request, if it has one ({@code printView}: the printable version, without forms). */
    Optional<PageSection> section(Request request, boolean printView);
}
