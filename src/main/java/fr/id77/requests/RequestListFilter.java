package fr.id77.requests;

import org.springframework.validation.Errors;

/**
 * The filters of the « Demandes » page as submitted (one object instead of nine loose parameters). A status or a
 * page that does not bind, or a canton that is not one of the list ({@link RequestListFilterValidator}), is
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
        Integer page) {

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
                page == null || errors.hasFieldErrors("page") ? null : page.toString());
    }
}
