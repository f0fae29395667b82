package fr.id77.requests;

/**
 * Who acts on a request: a user id, the collectivity they belong to (adherents) and whether they are
 * ID77 staff (chef de file) or admin. Built by the web layer from the signed-in account.
 */
public record Actor(long userId, Long collectivityId, boolean staff, boolean admin) {

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
