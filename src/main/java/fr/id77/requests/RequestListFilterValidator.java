package fr.id77.requests;

import fr.id77.membership.Collectivities;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A canton filter must name one of the département's cantons, a waiting time be between 1 and
 * {@link RequestListQuery#MAX_WAITING_DAYS} working days: another value is refused next to the field.
 */
@Component
class RequestListFilterValidator implements Validator {

    private final Collectivities collectivities;

    RequestListFilterValidator(Collectivities collectivities) {
        this.collectivities = collectivities;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RequestListFilter.class.equals(type);
    }

    /** The filters that bound and pass validation, the others refused into {@code errors} (as the list shows them). */
    RequestListQuery cleaned(RequestListFilter filter, Errors errors) {
        validate(filter, errors);
        return filter.query(errors);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RequestListFilter filter = (RequestListFilter) target;
        if (filter.canton() != null
                && !filter.canton().isBlank()
                && !errors.hasFieldErrors("canton")
                && !collectivities.cantons().containsKey(filter.canton())) {
            errors.rejectValue("canton", "canton.inconnu", "Choisissez un canton de la liste.");
        }
        if (filter.attente() != null
                && !errors.hasFieldErrors("attente")
                && (filter.attente() < 1 || filter.attente() > RequestListQuery.MAX_WAITING_DAYS)) {
            errors.rejectValue(
                    "attente",
                    "attente.horsLimites",
                    "Saisissez un nombre de jours ouvrés entre 1 et " + RequestListQuery.MAX_WAITING_DAYS + ".");
        }
    }
}
