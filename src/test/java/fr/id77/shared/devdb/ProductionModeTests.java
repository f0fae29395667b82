package fr.id77.shared.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.id77.support.QueryCounting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** With a database configured (as every test has, never demo mode): no demo account, no demo mailbox. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class ProductionModeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noDemoAccountExists() {
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM app_user WHERE identifiant IN ('admin', 'chefdefile', 'macommune', 'villeneuve')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDemoMailboxDoesNotExist() throws Exception {
        mvc.perform(get("/courriels")).andExpect(status().isNotFound());
    }
}
