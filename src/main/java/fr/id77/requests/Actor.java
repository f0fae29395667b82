package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;

/**
 * Who acts on a request: a user id, the collectivity they belong to (adherents) and whether they are
 * ID77 staff (chef de file) or admin. Built by the web layer from the signed-in account.
 */
public record Actor(long userId, Long collectivityId, boolean staff, boolean admin) {

    /** The signed-in person as an actor on requests (for the pages of other modules, as for those of requests). */
    public static Actor of(CurrentUser user) {
        if (user.isAdmin()) {
            return admin(user.id());
        }
        if (user.hasRole(Role.CHEF_DE_FILE)) {
            return chefDeFile(user.id());
        }
        return new Actor(user.id(), user.collectivityId(), false, false);
    }

    public static Actor adherent(long userId, long collectivityId) {
        return new Actor(userId, collectivityId, false, false);
    }

    public static Actor chefDeFile(long userId) {
        return new Actor(userId, null, true, false);
    }

    public static Actor admin(long userId) {
        return new Actor(userId, null, true, true);
    }
}
