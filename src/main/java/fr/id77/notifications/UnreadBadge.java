package fr.id77.notifications;

import fr.id77.account.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The envelope of the header ({@code unread} in every page's model, null for visitors). The count is
 * read when the page shows it, not before: a redirect or a fragment costs nothing, a page one indexed
 * statement.
 */
@ControllerAdvice
class UnreadBadge {

    /** The unread notifications of the signed-in person, counted once on first use. */
    public static final class Unread {
        private final NotificationStore store;
        private final long userId;
        private Integer count;

        Unread(NotificationStore store, long userId) {
            this.store = store;
            this.userId = userId;
        }

        public int getCount() {
            if (count == null) {
                count = store.unread(userId);
            }
            return count;
        }

        /** What the badge shows: « 3 », or « 99+ » beyond. */
        public String getBadge() {
            return getCount() >= NotificationStore.BADGE_CAP
                    ? (NotificationStore.BADGE_CAP - 1) + "+"
                    : String.valueOf(getCount());
        }

        /** The envelope's accessible name: « Notifications : 3 non lues ». */
        public String getLabel() {
            int n = getCount();
            if (n == 0) {
                return "Notifications : aucune non lue";
            }
            if (n >= NotificationStore.BADGE_CAP) {
                return "Notifications : plus de " + (NotificationStore.BADGE_CAP - 1) + " non lues";
            }
            return "Notifications : " + n + (n == 1 ? " non lue" : " non lues");
        }
    }

    private final NotificationStore store;

    UnreadBadge(NotificationStore store) {
        this.store = store;
    }

    @ModelAttribute("unread")
    Unread unread() {
        return CurrentUser.current().map(me -> new Unread(store, me.id())).orElse(null);
    }
}
