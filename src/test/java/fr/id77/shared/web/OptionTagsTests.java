package fr.id77.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filter options written in one pass: in order, escaped, the chosen one (and only it) selected. */
class OptionTagsTests {

    private final OptionTags tags = new OptionTags();

    @Test
    void writesTheOptionsOfAMapInOrderWithTheChosenOneSelected() {
        Map<String, String> cantons = new LinkedHashMap<>();
        cantons.put("MEAUX", "Meaux");
        cantons.put("MELUN", "Melun");
        assertThat(tags.of(cantons, "MELUN"))
                .isEqualTo(
                        "<option value=\"MEAUX\">Meaux</option><option value=\"MELUN\" selected=\"selected\">Melun</option>");
        assertThat(tags.of(cantons, null)).doesNotContain("selected");
        assertThat(tags.of(cantons, "AUTRE")).doesNotContain("selected");
    }

    @Test
    void acceptsAListOfEntriesAndEscapesValuesAndLabels() {
        List<Map.Entry<String, String>> offers =
                List.of(Map.entry("O1\"", "<script>alert(1)</script> & co"), Map.entry("O2", "L'eau – été"));
        assertThat(tags.of(offers, "O2"))
                .isEqualTo("<option value=\"O1&quot;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</option>"
                        + "<option value=\"O2\" selected=\"selected\">L&#39;eau – été</option>");
    }

    @Test
    void comparesTheChosenValueByItsTextSoThatNumbersAndEnumsMatchTheirOption() {
        assertThat(tags.of(Map.of("12", "Douze"), 12L)).contains("selected");
        assertThat(tags.of(Map.of("SECONDS", "Secondes"), java.util.concurrent.TimeUnit.SECONDS))
                .contains("selected");
    }

    @Test
    void writesGroupsAsOptgroupsWithTheirLabelEscaped() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        groups.put("Eau & assainissement", Map.of("eau-potable", "Eau potable"));
        groups.put("Voirie", Map.of("ponts", "Ponts"));
        assertThat(tags.grouped(groups, "ponts"))
                .isEqualTo(
                        "<optgroup label=\"Eau &amp; assainissement\"><option value=\"eau-potable\">Eau potable</option>"
                                + "</optgroup><optgroup label=\"Voirie\"><option value=\"ponts\" selected=\"selected\">Ponts</option></optgroup>");
    }
}
