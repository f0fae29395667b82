package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every parameter is read trimmed, whatever reads it, except passwords which are kept exactly as typed. */
class TrimmedParametersTests {

    private final AtomicReference<ServletRequest> seen = new AtomicReference<>();

    private ServletRequest filter(MockHttpServletRequest request) throws Exception {
        new TrimmedParameters().doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return seen.get();
    }

    @Test
    void textIsTrimmedEverywhereItIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/compte/profil");
        request.addParameter("name", "  Mairie de Melun \t");
        request.addParameter("keywords", " eau ", "\nvoirie ");
        ServletRequest read = filter(request);

        assertThat(read.getParameter("name")).isEqualTo("Mairie de Melun");
        assertThat(read.getParameterValues("keywords")).containsExactly("eau", "voirie");
        assertThat(read.getParameterMap().get("name")).containsExactly("Mairie de Melun");
        assertThat(read.getParameterNames().asIterator()).toIterable().containsExactlyInAnyOrder("name", "keywords");
        assertThat(read.getParameter("absent")).isNull();
        assertThat(read.getParameterValues("absent")).isNull();
    }

    @Test
    void passwordsAreKeptAsTyped() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/connexion");
        for (String secret : TrimmedParameters.SECRETS) {
            request.addParameter(secret, " secret avec espaces ");
        }
        request.addParameter("identifiant", " jdupont ");
        ServletRequest read = filter(request);

        for (String secret : TrimmedParameters.SECRETS) {
            assertThat(read.getParameter(secret)).as(secret).isEqualTo(" secret avec espaces ");
        }
        assertThat(read.getParameter("identifiant")).isEqualTo("jdupont");
    }

    @Test
    void theArrayHandedOutCannotChangeWhatOthersRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.addParameter("q", " a ");
        ServletRequest read = filter(request);
        read.getParameterValues("q")[0] = "changé";
        assertThat(read.getParameter("q")).isEqualTo("a");
    }
}
