package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.support.ServerTest;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy the application sees the client's address (per-address sign-in limits) and https (Secure
 * session cookie, HSTS), but only when the headers come from a proxy listed in ID77_TRUSTED_PROXIES (here
 * 127.0.0.1): from any other address they are ignored, so nobody can pick his own address or scheme.
 */
class ForwardedHeadersTests extends ServerTest {

    private static final String[] FROM_PROXY = {"X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"};

    @Test
    void aTrustedProxyGivesTheClientAddressAndHttps() {
        assertThat(get(CLIENT_PROBE, FROM_PROXY).body()).isEqualTo("203.0.113.7 https true");

        HttpResponse<String> signIn = get("/connexion", FROM_PROXY);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("ID77SESSION=").containsIgnoringCase("; Secure"));
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void withoutHeadersTheProxyIsTheClient() {
        assertThat(get(CLIENT_PROBE).body()).isEqualTo("127.0.0.1 http false");
    }

    @Test
    void anUntrustedAddressCannotForgeItsAddressNorHttps() throws Exception {
        InetAddress untrusted = InetAddress.getByName("127.0.0.2");
        assertThat(getFrom(untrusted, CLIENT_PROBE, FROM_PROXY).body()).isEqualTo("127.0.0.2 http false");

        HttpResponse<String> signIn = getFrom(untrusted, "/connexion", FROM_PROXY);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("ID77SESSION="))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void bareAddressesBecomeSingleAddressRanges() {
        assertThat(TrustedProxies.toCidr("")).isEmpty();
        assertThat(TrustedProxies.toCidr(" 10.0.0.5 , 10.1.0.0/16,,2001:db8::1 "))
                .isEqualTo("10.0.0.5/32, 10.1.0.0/16, 2001:db8::1/128");
    }
}
