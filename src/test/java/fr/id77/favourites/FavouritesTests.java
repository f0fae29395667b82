package fr.id77.favourites;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.catalogue.Offers;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class FavouritesTests {

    @Autowired
    Favourites favourites;

    @Autowired
    Offers offers;

    @Test
    void toggleAddsThenRemovesAndEachAccountHasItsOwn() throws InterruptedException {
        long me = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        long colleague = me + 1;
        long o01 = offers.publishedByCode("O01").orElseThrow().id();
        long o03 = offers.publishedByCode("O03").orElseThrow().id();
        long r02 = offers.publishedByCode("R02").orElseThrow().id();

        assertThat(favourites.toggle(me, o01)).isTrue();
        Thread.sleep(5);
        favourites.add(me, o03);
        favourites.add(me, o03);
        assertThat(favourites.of(me)).extracting(f -> f.offer().code()).containsExactly("O03", "O01");
        assertThat(favourites.of(colleague)).isEmpty();
        assertThat(favourites.favouritesAmong(me, List.of(o01, o03, r02))).containsExactlyInAnyOrder(o01, o03);
        assertThat(favourites.favouritesAmong(colleague, List.of(o01))).isEmpty();

        favourites.add(colleague, o01);
        favourites.add(colleague, o03);
        assertThat(favourites.toggle(me, o01)).isFalse();
        assertThat(favourites.favouritesAmong(colleague, List.of(o01)))
                .as("toggling mine off leaves my colleague's")
                .containsExactly(o01);
        assertThat(favourites.remove(me, o03)).isTrue();
        assertThat(favourites.remove(me, o03)).isFalse();
        assertThat(favourites.of(me)).isEmpty();
        assertThat(favourites.of(colleague))
                .as("removing mine leaves my colleague's")
                .extracting(f -> f.offer().code())
                .containsExactlyInAnyOrder("O01", "O03");
    }
}
