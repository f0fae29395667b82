package fr.id77.catalogue;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.account.Accounts;
import fr.id77.account.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The ID77 staff who may lead offers, read once per page from the accounts module. */
@Component
class Staff {

    /** The staff accounts of one moment: names for display, active ones for choosing. */
    record Directory(Map<Long, AccountSummary> byId) {

        boolean isActive(Long id) {
            AccountSummary a = id == null ? null : byId.get(id);
            return a != null && a.status() == AccountStatus.ACTIVE;
        }

        String name(Long id) {
            AccountSummary a = id == null ? null : byId.get(id);
            return a == null ? null : a.displayName().isBlank() ? a.identifiant() : a.displayName();
        }

        List<Long> activeIds() {
            return byId.values().stream()
                    .filter(a -> a.status() == AccountStatus.ACTIVE)
                    .map(AccountSummary::id)
                    .toList();
        }

        /**
         * Who may be chosen as chef de file, as (id, « Name — role »): the active staff, plus {@code keep} (the
         * current chef de file of an offer) flagged when the account is no longer active, so that editing
         * something else never drops it silently.
         */
        Map<String, String> choices(Long keep) {
            return labels(a -> a.status() == AccountStatus.ACTIVE || a.id() == (keep == null ? -1 : keep));
        }

        /** Every staff account, the inactive ones flagged: to find what someone who left still leads. */
        Map<String, String> everyone() {
            return labels(a -> true);
        }

        private Map<String, String> labels(Predicate<AccountSummary> shown) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (AccountSummary a : byId.values()) {
                if (shown.test(a)) {
                    String role = a.role() == Role.ADMIN ? "administrateur" : "chef de file";
                    labels.put(
                            String.valueOf(a.id()),
                            name(a.id()) + " — " + role
                                    + (a.status() == AccountStatus.ACTIVE
                                            ? ""
                                            : " (compte " + a.status().label().toLowerCase(Locale.ROOT) + ")"));
                }
            }
            return labels;
        }
    }

    private final Accounts accounts;

    Staff(Accounts accounts) {
        this.accounts = accounts;
    }

    Directory directory() {
        return new Directory(accounts.staff().stream()
                .collect(Collectors.toMap(AccountSummary::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }
}
