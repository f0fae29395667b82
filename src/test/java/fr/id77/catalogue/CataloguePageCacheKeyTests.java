package fr.id77.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the page cache names a page and reads the codings a client accepts. */
class CataloguePageCacheKeyTests {

    @Test
    void parametersInAnotherOrderAreOnePageButValuesOfOneNameKeepTheirOrder() {
        Map<String, String[]> one = new LinkedHashMap<>();
        one.put("tri", new String[] {"titre"});
        one.put("q", new String[] {"eau"});
        one.put("domaine", new String[] {"b", "a"});
        Map<String, String[]> other = new LinkedHashMap<>();
        other.put("domaine", new String[] {"b", "a"});
        other.put("q", new String[] {"eau"});
        other.put("tri", new String[] {"titre"});
        assertThat(CataloguePageCache.normalised(one)).isEqualTo(CataloguePageCache.normalised(other));

        other.put("domaine", new String[] {"a", "b"});
        assertThat(CataloguePageCache.normalised(one)).isNotEqualTo(CataloguePageCache.normalised(other));
    }

    @Test
    void noValueCanPassForAnotherParameter() {
        assertThat(CataloguePageCache.normalised(Map.of("q", new String[] {"eau&tri=titre"})))
                .isNotEqualTo(CataloguePageCache.normalised(
                        Map.of("q", new String[] {"eau"}, "tri", new String[] {"titre"})));
        assertThat(CataloguePageCache.normalised(Map.of("q", new String[] {"a", "b"})))
                .isNotEqualTo(CataloguePageCache.normalised(Map.of("q", new String[] {"a1:qb"})));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip|true",
                "gzip, deflate, br, zstd|true",
                "br;q=1.0, GZIP;q=0.5|true",
                "deflate, br|false",
                "gzip;q=0|false",
                "gzip; q=0.000, *|false",
                "*|true",
                "*;q=0|false",
                "identity|false",
                "''|false"
            })
    void gzipIsSentOnlyToClientsThatTakeIt(String acceptEncoding, boolean gzip) {
        assertThat(CataloguePageCache.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
    }
}
