package fr.id77.requests;

import org.springframework.validation.Errors;

/**
 * The filters of the « Demandes » page as submitted (one object instead of ten loose parameters). A status, a page
 * or a waiting time that does not bind, a canton that is not one of the list or a waiting time out of its range ({@link RequestListFilterValidator}), is
 * refused next to its field and left out of the search; the other filters are kept.
 */
record RequestListFilter(
        String numero,
        String prestation,
        String groupe,
        String thematique,
        RequestStatus statut,
        String collectivite,
        String canton,
        String tri,
        Integer page,
        Integer attente,
        String retard) {

    /** The cleaned query for the filters that bound and passed validation. */
    RequestListQuery query(Errors errors) {
        return RequestListQuery.of(
                numero,
                prestation,
                groupe,
                thematique,
                statut == null || errors.hasFieldErrors("statut") ? null : statut.name(),
                collectivite,
                errors.hasFieldErrors("canton") ? null : canton,
                tri,
                page == null || errors.hasFieldErrors("page") ? null : page.toString(),
                errors.hasFieldErrors("attente") ? null : attente,
                retard != null && !retard.isBlank());
    }
}
