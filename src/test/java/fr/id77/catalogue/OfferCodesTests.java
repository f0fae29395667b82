package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How offer codes are written and which free ones the offer form suggests, without a database. */
class OfferCodesTests {

    @Test
    void aTypedCodeIsWrittenAsInTheInitialCatalogue() {
        assertThat(OfferCodes.normalized(" z 7 ")).contains("Z07");
        assertThat(OfferCodes.normalized("o037")).contains("O37");
        assertThat(OfferCodes.normalized("F-176")).contains("F176");
        assertThat(OfferCodes.normalized("R9999")).contains("R9999");
        assertThat(OfferCodes.normalized("O00"))
                .as("there is no offer number 0")
                .isEmpty();
        assertThat(OfferCodes.normalized("R10000")).isEmpty();
        assertThat(OfferCodes.normalized("37O")).isEmpty();
        assertThat(OfferCodes.normalized("OF1")).isEmpty();
        assertThat(OfferCodes.normalized("")).isEmpty();
        assertThat(OfferCodes.normalized(null)).isEmpty();
        assertThat(OfferCodes.write("O", 7)).isEqualTo("O07");
        assertThat(OfferCodes.write("O", 10)).isEqualTo("O10");
    }

    @Test
    void theNextFreeCodesFollowTheHighestOfEachLetterIngenierieFormationsExpositionsFirst() {
        Map<String, Integer> highest = new LinkedHashMap<>();
        highest.put("Z", 3);
        highest.put("R", 8);
        highest.put("A", 41);
        highest.put("F", 176);
        highest.put("O", 69);
        assertThat(OfferCodes.nextFree(highest)).containsExactly("O70", "F177", "R09", "A42", "Z04");
        assertThat(OfferCodes.nextFree(Map.of())).isEmpty();
    }
}
