package fr.id77.requests;

import fr.id77.shared.web.UploadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Which files a request may carry: an allow-list of document and image types, recognised from the
 * file's first bytes (a renamed executable, an HTML page or an SVG image is refused whatever its name),
 * and a size limit. File names are reduced to a safe display name; storage never uses them.
 */
@Component
class AttachmentPolicy {

    /** Allowed types (as detected from content) and the label shown to people. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("image/png", "image PNG"),
            Map.entry("image/jpeg", "image JPEG"),
            Map.entry("image/gif", "image GIF"),
            Map.entry("image/webp", "image WebP"),
            Map.entry("image/tiff", "image TIFF"),
            Map.entry("text/plain", "texte"),
            Map.entry("text/csv", "CSV"),
            Map.entry("application/zip", "archive ZIP"),
            Map.entry("application/rtf", "RTF"),
            Map.entry("application/msword", "Word"),
            Map.entry("application/vnd.ms-excel", "Excel"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint"),
            Map.entry("application/x-tika-msoffice", "Office"),
            Map.entry("application/x-tika-ooxml", "Office"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument texte"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument tableur"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument présentation"),
            Map.entry("application/vnd.oasis.opendocument.graphics", "OpenDocument dessin"));

    static final String ACCEPT =
            ".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.txt,.csv,.zip,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.odg";
    static final String HUMAN_LIST =
            "PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF, WebP, TIFF), texte, CSV, ZIP";

    private final Tika tika = new Tika();
    private final DataSize maxSize;
    private final DataSize quota;

    AttachmentPolicy(
            @Value("${id77.attachments.max-size:150MB}") DataSize maxSize,
            @Value("${id77.attachments.quota-per-collectivity:5GB}") DataSize quota) {
        this.maxSize = maxSize;
        this.quota = quota;
    }

    DataSize maxSize() {
        return maxSize;
    }

    /** How many bytes the files of all the requests of one collectivity may take together. */
    DataSize quota() {
        return quota;
    }

    String maxSizeLabel() {
        return label(maxSize.toBytes());
    }

    String perPostLabel() {
        return label(UploadLimits.perPost(maxSize));
    }

    /** A size as people read it: « 4,2 Go », « 150 Mo », « 12 Ko ». */
    static String label(long bytes) {
        if (bytes >= 1L << 30) {
            double gb = bytes / (double) (1L << 30);
            return (gb == Math.floor(gb) ? String.valueOf((long) gb) : String.format(Locale.FRANCE, "%.1f", gb))
                    + " Go";
        }
        return bytes >= 1L << 20 ? bytes / (1L << 20) + " Mo" : Math.max(0, bytes) / 1024 + " Ko";
    }

    /** The detected type when allowed; empty when refused. Reads only the first bytes of {@code content}. */
    Optional<String> allowedType(InputStream content, String fileName) throws IOException {
        String detected = tika.detect(content, fileName);
        if (detected.startsWith("text/") && !detected.equals("text/plain") && !detected.equals("text/csv")) {
            return Optional.empty();
        }
        return ALLOWED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
    }

    /** A file name fit to show and to offer on download: last path segment, no control characters, bounded. */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\"<>:|?*]", "_")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "fichier";
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}
