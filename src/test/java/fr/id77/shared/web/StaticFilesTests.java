package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links written by the pages go through the resource URL provider ({@code @{...}}): static files get their hashed name,
 * and a link to a page is not looked up among the static files at all (issue 13: that lookup, inside the jar, for each
 * of a list's links, was most of the CPU of a signed-in page).
 */
@SpringBootTest
class StaticFilesTests {

    @Autowired
    ResourceUrlProvider links;

    @Test
    void aLinkToAPageMatchesNoStaticAddress() {
        for (String page : new String[] {"/demandes/12", "/offres/O37", "/admin/comptes", "/", "/demandes?page=3"}) {
            assertThat(links.getForLookupPath(page)).as(page).isNull();
        }
    }

    @Test
    void staticFilesAreNamedByTheirContent() {
        assertThat(links.getForLookupPath("/css/id77.css")).matches("/css/id77-[0-9a-f]{32}\\.css");
        assertThat(links.getForLookupPath("/js/id77.js")).matches("/js/id77-[0-9a-f]{32}\\.js");
        assertThat(links.getForLookupPath("/img/icons.svg")).matches("/img/icons-[0-9a-f]{32}\\.svg");
    }
}
