package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages draw their icons from the sprite {@code static/img/icons.svg}, not from the whole icon font: every icon a
 * template or a catalogue domain asks for is in it, drawn as Bootstrap Icons draws it, and nothing unused weighs on
 * the first visit. When this fails, run {@code src/build/icons.sh}.
 */
class IconSpriteTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern ICON_CALL = Pattern.compile("icon\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([a-z0-9-]+)'");
    private static final Pattern DOMAIN_ROW = Pattern.compile("(?m)^ *\\(\\d+, *'[^']+', *'[^']+', *'([a-z0-9-]+)'");
    private static final Pattern SYMBOL =
            Pattern.compile("<symbol id=\"([a-z0-9-]+)\" viewBox=\"[^\"]+\">(.*?)</symbol>");

    @Test
    void theSpriteHoldsExactlyTheIconsThePagesUse() throws IOException {
        assertThat(sprite().keySet()).as("regenerate with src/build/icons.sh").isEqualTo(used());
    }

    @Test
    void eachIconIsDrawnAsBootstrapIconsDrawsIt() throws IOException {
        for (var symbol : sprite().entrySet()) {
            String resource = "META-INF/resources/webjars/bootstrap-icons/" + iconsVersion() + "/icons/"
                    + symbol.getKey() + ".svg";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                String original = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
                String drawing = original.substring(original.indexOf('>') + 1, original.lastIndexOf("</svg>"))
                        .replace("> <", "><")
                        .strip();
                assertThat(symbol.getValue().strip()).as(symbol.getKey()).isEqualTo(drawing);
            }
        }
    }

    @Test
    void pagesNoLongerLoadTheIconFont() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            assertThat(files.filter(p -> p.toString().endsWith(".html")).map(IconSpriteTests::read))
                    .noneMatch(html -> html.contains("bootstrap-icons") || html.contains("class=\"bi bi-"));
        }
    }

    private static Set<String> used() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(p -> p.toString().endsWith(".html")).forEach(p -> {
                Matcher call = ICON_CALL.matcher(read(p));
                while (call.find()) {
                    QUOTED.matcher(call.group(1)).results().forEach(q -> names.add(q.group(1)));
                }
            });
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(p -> p.toString().endsWith(".sql"))
                    .forEach(p -> DOMAIN_ROW.matcher(read(p)).results().forEach(r -> names.add(r.group(1))));
        }
        assertThat(names)
                .as("icons found in the templates and the domains")
                .contains("star", "envelope-fill", "droplet");
        return names;
    }

    private static Map<String, String> sprite() {
        Map<String, String> symbols = new TreeMap<>();
        SYMBOL.matcher(read(Path.of("src/main/resources/static/img/icons.svg")))
                .results()
                .forEach(r -> symbols.put(r.group(1), r.group(2)));
        return symbols;
    }

    private static String iconsVersion() {
        Matcher m = Pattern.compile("<bootstrap-icons.version>([^<]+)<").matcher(read(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
