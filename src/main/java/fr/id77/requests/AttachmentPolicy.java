package fr.id77.requests;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
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

    static final String ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.txt,.csv,.zip,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.odg";
    static final String HUMAN_LIST = "PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF, WebP, TIFF), texte, CSV, ZIP";

    private final Tika tika = new Tika();
    private final DataSize maxSize;

    AttachmentPolicy(@Value("${id77.attachments.max-size:150MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    DataSize maxSize() {
        return maxSize;
    }

    String maxSizeLabel() {
        long mb = maxSize.toMegabytes();
        return mb >= 1 ? mb + " Mo" : maxSize.toKilobytes() + " Ko";
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
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "fichier";
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}
