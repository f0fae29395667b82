package fr.id77.shared.web;

import static fr.id77.account.TestUsers.admin;
import static fr.id77.account.TestUsers.as;
import static fr.id77.account.TestUsers.chefDeFile;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.QueryCounting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Trailing slashes and unknown addresses through the whole web stack (the error page itself: {@link NotFoundPageTests}). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class AddressesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminAskingAdminWithATrailingSlashGetsTheAdministrationPage() throws Exception {
        mvc.perform(get("/admin/").with(as(admin(1))))
                .andExpect(status().isPermanentRedirect())
                .andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/admin").with(as(admin(1))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demandes d'adhésion à valider")));
    }

    @Test
    void aTrailingSlashKeepsTheQueryString() throws Exception {
        mvc.perform(get("/demandes/?statut=EN_COURS")).andExpect(redirectedUrl("/demandes?statut=EN_COURS"));
    }

    @Test
    void unknownAddressesAreNotFoundForVisitorsAndSignedInPeopleAlike() throws Exception {
        mvc.perform(get("/nimporte-quoi")).andExpect(status().isNotFound());
        mvc.perform(get("/demandes/nimporte/quoi")).andExpect(status().isNotFound());
        mvc.perform(get("/nimporte-quoi").with(as(admin(1)))).andExpect(status().isNotFound());
        // a chef de file under /admin: nothing there is a 404 too, not a refusal that would tell it from a real page
        mvc.perform(get("/admin/nimporte-quoi").with(as(chefDeFile(1)))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/offres").with(as(chefDeFile(1)))).andExpect(status().isForbidden());
    }

    @Test
    void realPagesStillNeedTheRightAccount() throws Exception {
        mvc.perform(get("/demandes")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/connexion"));
        mvc.perform(get("/admin")).andExpect(redirectedUrl("/connexion"));
        // mapped for POST only: still a real address, so not opened to visitors by the unknown-address rule
        mvc.perform(get("/admin/courriels/1/renvoi")).andExpect(redirectedUrl("/connexion"));
    }
}
