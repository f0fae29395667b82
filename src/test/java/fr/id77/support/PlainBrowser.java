package fr.id77.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript over real HTTP, for tests that talk to several servers of one host (instances and their
 * proxy on 127.0.0.1): it keeps its cookies and sends them to whichever port it asks, as a browser does for one host,
 * and posts forms with the CSRF token of the last page it read. Redirects are not followed: a test reads them.
 */
public final class PlainBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An answer: status, {@code Location} (or null), body as text. */
    public record Page(int status, String location, String body) {

        /** The value of the hidden field {@code name} of the page's first form that has it. */
        public String hidden(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("pas de champ caché « " + name + " » dans la page :\n" + body);
            }
            return m.group(1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public Page get(int port, String path) {
        return send(request(port, path).GET());
    }

    public HttpResponse<byte[]> download(int port, String path) {
        return exchange(request(port, path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form ({@code name, value, …}) with the CSRF token of the last page read. */
    public Page post(int port, String path, String... fields) {
        StringJoiner form = new StringJoiner("&");
        form.add("_csrf=" + encode(csrf()));
        for (int i = 0; i < fields.length; i += 2) {
            form.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        return send(request(port, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Posts one file in a multipart form, after the CSRF token, as a browser sends a file field. */
    public Page postFile(int port, String path, String field, String fileName, String type, byte[] content) {
        Multipart body = multipart(field, fileName, type);
        byte[] whole = new byte[body.head().length + content.length + body.tail().length];
        System.arraycopy(body.head(), 0, whole, 0, body.head().length);
        System.arraycopy(content, 0, whole, body.head().length, content.length);
        System.arraycopy(body.tail(), 0, whole, body.head().length + content.length, body.tail().length);
        return send(request(port, path)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(whole)));
    }

    /** The bytes around one file of a multipart form (the CSRF token first), and its content type. */
    public record Multipart(byte[] head, byte[] tail, String contentType) {}

    public Multipart multipart(String field, String fileName, String type) {
        String boundary = "----id77" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return new Multipart(
                head.getBytes(StandardCharsets.UTF_8),
                tail.getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary);
    }

    /** A request of this browser (its cookies) to {@code path} on 127.0.0.1:{@code port}. */
    public HttpRequest.Builder request(int port, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "fr-FR");
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Sends a request built by {@link #request}, keeping the cookies and the CSRF token of the answer. */
    public Page send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return read(response);
    }

    /** Keeps the cookies and the CSRF token of an answer obtained elsewhere (an asynchronous send). */
    public Page read(HttpResponse<String> response) {
        keepCookies(response);
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return new Page(
                response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }

    public HttpClient client() {
        return http;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            keepCookies(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    private String csrf() {
        if (csrf == null) {
            throw new IllegalStateException("aucune page lue n'avait de jeton CSRF");
        }
        return csrf;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
