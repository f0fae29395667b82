package fr.id77.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which files a request may carry and how their names and sizes are shown, without Spring; and the file store. */
class AttachmentPolicyTests {

    private final AttachmentPolicy policy = new AttachmentPolicy(DataSize.ofMegabytes(150), DataSize.ofGigabytes(5));

    private Optional<String> type(byte[] content, String name) throws IOException {
        return policy.allowedType(new ByteArrayInputStream(content), name);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void documentsAndImagesAreRecognisedFromTheirContent() throws IOException {
        assertThat(type(bytes("%PDF-1.7\n1 0 obj\n"), "etude.pdf")).contains("application/pdf");
        assertThat(type(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "plan.png"))
                .contains("image/png");
        assertThat(type(
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'},
                        "photo.jpg"))
                .contains("image/jpeg");
        assertThat(type(bytes("Bonjour, voici le compte rendu.\n"), "note.txt")).contains("text/plain");
        assertThat(type(bytes("commune;population\nMelun;40000\n"), "chiffres.csv"))
                .contains("text/csv");
        assertThat(type(zip("word/document.xml"), "cahier.docx")).isPresent();
        assertThat(type(zip("photos/1.jpg"), "photos.zip")).contains("application/zip");
    }

    @Test
    void disguisedExecutablesHtmlAndSvgAreRefused() throws IOException {
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(type(exe, "devis.pdf")).isEmpty();
        assertThat(type(bytes("\u007fELF\u0002\u0001\u0001"), "rapport.docx")).isEmpty();
        assertThat(type(bytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "note.txt"))
                .isEmpty();
        assertThat(type(bytes("<html><body>x</body></html>"), "page.html")).isEmpty();
        assertThat(type(
                        bytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"),
                        "logo.png"))
                .isEmpty();
        assertThat(type(bytes("#!/bin/sh\nrm -rf /\n"), "script.txt")).isEmpty();
    }

    @Test
    void fileNamesArePathFreeAndPrintable() {
        assertThat(AttachmentPolicy.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentPolicy.safeName("C:\\Users\\x\\Desktop\\étude.pdf"))
                .isEqualTo("étude.pdf");
        assertThat(AttachmentPolicy.safeName(".htaccess")).isEqualTo("htaccess");
        assertThat(AttachmentPolicy.safeName("a\u0000b\r\n\"<c>.pdf")).isEqualTo("a_b____c_.pdf");
        assertThat(AttachmentPolicy.safeName("")).isEqualTo("fichier");
        assertThat(AttachmentPolicy.safeName("x".repeat(400) + ".pdf"))
                .hasSize(150)
                .endsWith(".pdf");
    }

    @Test
    void aMissingFileNameGetsADefaultOne() {
        assertThat(AttachmentPolicy.safeName(null)).isEqualTo("fichier");
        assertThat(AttachmentPolicy.safeName("dossier/")).isEqualTo("fichier");
        assertThat(AttachmentPolicy.safeName("...")).isEqualTo("fichier");
        String longest = "y".repeat(146) + ".pdf";
        assertThat(AttachmentPolicy.safeName(longest))
                .as("150 characters are kept whole")
                .isEqualTo(longest);
        assertThat(AttachmentPolicy.safeName("z" + longest))
                .as("151: the start goes")
                .isEqualTo(longest);
    }

    @Test
    void sizesAreShownAsPeopleReadThem() {
        assertThat(AttachmentPolicy.label(0)).isEqualTo("0 Ko");
        assertThat(AttachmentPolicy.label(-5)).isEqualTo("0 Ko");
        assertThat(AttachmentPolicy.label(12 * 1024 + 1000)).isEqualTo("12 Ko");
        assertThat(AttachmentPolicy.label((1L << 20) - 1)).isEqualTo("1023 Ko");
        assertThat(AttachmentPolicy.label(1L << 20)).isEqualTo("1 Mo");
        assertThat(AttachmentPolicy.label(150L << 20)).isEqualTo("150 Mo");
        assertThat(AttachmentPolicy.label((1L << 30) - 1)).isEqualTo("1023 Mo");
        assertThat(AttachmentPolicy.label(1L << 30)).isEqualTo("1 Go");
        assertThat(AttachmentPolicy.label(5L << 30)).isEqualTo("5 Go");
        assertThat(AttachmentPolicy.label((long) (4.2 * (1L << 30)))).isEqualTo("4,2 Go");
    }

    @Test
    void theLimitsAreTheConfiguredOnesAndAPostCarriesFourFiles() {
        assertThat(policy.maxSize()).isEqualTo(DataSize.ofMegabytes(150));
        assertThat(policy.quota()).isEqualTo(DataSize.ofGigabytes(5));
        assertThat(policy.maxSizeLabel()).isEqualTo("150 Mo");
        assertThat(policy.perPostLabel()).isEqualTo("600 Mo");
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(bytes("<xml/>"));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
