package fr.id77.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The application on a random port, reached over real HTTP: error pages, redirects, cookies and proxy headers as a
 * browser or a reverse proxy gets them (MockMvc renders no error page and has no Tomcat valve). 127.0.0.1 plays the
 * trusted reverse proxy ({@code ID77_TRUSTED_PROXIES}); {@value #CLIENT_PROBE} answers with the client address and
 * scheme the application sees.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ID77_TRUSTED_PROXIES=127.0.0.1")
@Import(ClientProbe.class)
public abstract class ServerTest {

    protected static final String CLIENT_PROBE = ClientProbe.PATH;

    @LocalServerPort
    protected int port;

    /** GET as a browser asks for a page, without following redirects; {@code headers} as name, value pairs. */
    protected HttpResponse<String> get(String path, String... headers) {
        return getFrom(null, path, headers);
    }

    /** The same, from another local address ({@code null}: the default one, 127.0.0.1). */
    protected HttpResponse<String> getFrom(InetAddress from, String path, String... headers) {
        HttpClient.Builder client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (from != null) {
            client.localAddress(from);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try (HttpClient http = client.build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
