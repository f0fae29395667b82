package fr.id77.catalogue;

import java.util.Collection;
import java.util.Set;

/**
 * Which offers of a page are favourites of the signed-in person: provided by the favourites module
 * (which depends on the catalogue, not the other way round). One statement per page.
 */
public interface FavouriteMarks {

    Set<Long> favouritesAmong(long userId, Collection<Long> offerIds);
}
