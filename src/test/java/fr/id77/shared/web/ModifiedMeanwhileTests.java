package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;

/** Whatever form lost the race, the user gets the « modifié entre-temps » page with what he typed. */
class ModifiedMeanwhileTests {

    @Controller
    static class StaleForms {
        @PostMapping("/admin/offres/7")
        String staleOffer() {
            throw new ObjectOptimisticLockingFailureException("fr.id77.catalogue.Offer", 7L);
        }

        @PostMapping("/ailleurs")
        String staleUnknown() {
            throw new OptimisticLockingFailureException("course perdue");
        }
    }

    private final MockMvc mvc;

    ModifiedMeanwhileTests() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        mvc = MockMvcBuilders.standaloneSetup(new StaleForms())
                .setControllerAdvice(new ModifiedMeanwhile(messages, new LayoutModel(null, null)))
                .build();
    }

    @Test
    void theStaleFormGivesBackWhatWasTypedNamedByItsLabel() throws Exception {
        MvcResult result = mvc.perform(post("/admin/offres/7")
                        .param("title", "Nouveau titre")
                        .param("summary", "Deux lignes\nde résumé")
                        .param("version", "3")
                        .param("_csrf", "jeton")
                        .param("organisation", "12")
                        .param("password", "secret")
                        .param("description", "")
                        .header("Referer", "http://localhost/admin/offres/7/modifier?onglet=1"))
                .andExpect(status().isConflict())
                .andExpect(view().name("modified-meanwhile"))
                .andExpect(model().attribute("what", "L’offre"))
                .andExpect(model().attribute("back", "/admin/offres/7/modifier?onglet=1"))
                .andReturn();

        @SuppressWarnings("unchecked")
        List<ModifiedMeanwhile.Typed> typed = (List<ModifiedMeanwhile.Typed>)
                result.getModelAndView().getModel().get("typed");
        assertThat(typed)
                .containsExactly(
                        new ModifiedMeanwhile.Typed("Titre", "Nouveau titre"),
                        new ModifiedMeanwhile.Typed("Résumé", "Deux lignes\nde résumé"));
    }

    @Test
    void aForeignRefererIsNeverOfferedAsTheWayBack() throws Exception {
        mvc.perform(post("/admin/offres/7").header("Referer", "http://localhost.evil.example/piege"))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("back", "/admin/offres/7"));
        mvc.perform(post("/admin/offres/7").header("Referer", "http://localhost//evil.example/piege"))
                .andExpect(model().attribute("back", "/admin/offres/7"));
    }

    @Test
    void anUnnamedObjectIsCalledByANeutralPhrase() throws Exception {
        mvc.perform(post("/ailleurs").param("message", "Mon texte"))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("what", "Ces informations"))
                .andExpect(model().attribute("typed", List.of(new ModifiedMeanwhile.Typed("Message", "Mon texte"))));
    }
}
