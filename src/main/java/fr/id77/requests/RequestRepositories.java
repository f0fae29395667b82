package fr.id77.requests;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RequestRepository extends JpaRepository<Request, Long> {

    Optional<Request> findByNumero(int numero);

    /** The request numbered {@code numero} if {@code actor} may see it; else « not found », as for a missing one. */
    default Request visibleTo(int numero, Actor actor) {
        Request request = findByNumero(numero).orElseThrow(RequestException::notFound);
        if (!request.canView(actor)) {
            // the same answer as for a missing request: nobody learns which numbers exist elsewhere
            throw RequestException.notFound();
        }
        return request;
    }

    List<Request> findByOfferIdAndStatusIn(long offerId, Collection<RequestStatus> statuses);

    /** Whether the collectivity has an open request ({@link RequestStatus#isOpen}) on the offer. */
    @Query("select count(r) > 0 from Request r where r.offerId = ?1 and r.collectivityId = ?2 "
            + "and r.status in (fr.id77.requests.RequestStatus.EN_ATTENTE, fr.id77.requests.RequestStatus.EN_COURS, "
            + "fr.id77.requests.RequestStatus.COMPLEMENTS)")
    boolean hasOpenRequest(long offerId, long collectivityId);
}

interface RequestHistoryRepository extends JpaRepository<RequestHistoryEntry, Long> {}

interface RequestCommentRepository extends JpaRepository<RequestComment, Long> {

    /** A message of the request's thread (never an internal note). */
    Optional<RequestComment> findByIdAndRequestIdAndInternalFalse(long id, long requestId);
}

interface RequestAttachmentRepository extends JpaRepository<RequestAttachment, Long> {}
