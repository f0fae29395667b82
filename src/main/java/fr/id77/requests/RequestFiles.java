package fr.id77.requests;

import fr.id77.shared.files.FileCleanup;
import fr.id77.shared.files.FileStorage;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.UploadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and stores the files of a request inside the caller's transaction: every file is checked
 * before any is stored, and stored files are removed again if the transaction rolls back, so nothing
 * is ever half created. Opens them again for download, after the visibility check.
 */
@Component
class RequestFiles {

    private static final Logger log = LoggerFactory.getLogger(RequestFiles.class);

    static final int MAX_FILES = 10;
    /** The file field of the upload forms, where refusals of files are shown. */
    static final String FIELD = "fichiers";

    private final AttachmentPolicy policy;
    private final FileStorage store;
    private final RequestAttachmentRepository attachments;
    private final RequestRepository requests;
    private final JdbcClient jdbc;

    private final Clock clock;

    RequestFiles(
            AttachmentPolicy policy,
            FileStorage store,
            RequestAttachmentRepository attachments,
            RequestRepository requests,
            JdbcClient jdbc,
            Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.store = store;
        this.attachments = attachments;
        this.requests = requests;
        this.jdbc = jdbc;
    }

    /** A file opened for download, after the authorization check. */
    record OpenedAttachment(String fileName, String contentType, long sizeBytes, InputStream content) {}

    /**
     * What an upload form says under its file field: the limits and what remains of the collectivity's quota, as people
     * read them and in bytes, for the check the browser makes before sending (`static/js/upload.js`).
     */
    record Rules(
            String maxSize,
            String perPost,
            int maxFiles,
            String acceptedTypes,
            String accept,
            String remaining,
            String quota,
            long maxBytes,
            long perPostBytes,
            long remainingBytes) {

        /** The same rules for the files of an internal note, which do not take the collectivity's space (V48). */
        public Rules forNotes() {
            return new Rules(
                    maxSize,
                    perPost,
                    maxFiles,
                    acceptedTypes,
                    accept,
                    null,
                    null,
                    maxBytes,
                    perPostBytes,
                    perPostBytes);
        }
    }

    Rules rules(long collectivityId) {
        long quota = policy.quota().toBytes();
        long remaining = Math.max(0, quota - used(collectivityId));
        return new Rules(
                policy.maxSizeLabel(),
                policy.perPostLabel(),
                MAX_FILES,
                AttachmentPolicy.HUMAN_LIST,
                AttachmentPolicy.ACCEPT,
                AttachmentPolicy.label(remaining),
                AttachmentPolicy.label(quota),
                policy.maxSize().toBytes(),
                UploadLimits.perPost(policy.maxSize()),
                remaining);
    }

    /** Bytes taken by the files of every request of the collectivity, as the database keeps them (V42). */
    private long used(long collectivityId) {
        return jdbc.sql("SELECT coalesce(max(bytes), 0) FROM collectivity_storage_use WHERE collectivity_id = :c")
                .param("c", collectivityId)
                .query(Long.class)
                .single();
    }

    /**
     * Refuses files that would take the collectivity of the request past its quota. Holds a lock per collectivity
     * until the transaction ends, so two uploads at once cannot both take the last space.
     */
    private void checkQuota(long requestId, List<IncomingFile> files) {
        long incoming = files.stream().mapToLong(IncomingFile::size).sum();
        if (incoming == 0) {
            return;
        }
        long collectivityId = jdbc.sql("SELECT collectivity_id FROM request WHERE id = :id")
                .param("id", requestId)
                .query(Long.class)
                .single();
        jdbc.sql("SELECT pg_advisory_xact_lock(:k)")
                .param("k", QUOTA_LOCK ^ collectivityId)
                .query()
                .listOfRows();
        long remaining = policy.quota().toBytes() - used(collectivityId);
        if (incoming > remaining) {
            throw new FieldRefusal(
                    FIELD,
                    "Ces fichiers (" + AttachmentPolicy.label(incoming) + ") dépassent l'espace de stockage "
                            + "restant de la collectivité : " + AttachmentPolicy.label(Math.max(0, remaining)) + " sur "
                            + AttachmentPolicy.label(policy.quota().toBytes())
                            + ". Rien n'a été enregistré ; contactez ID77 pour libérer de la place.");
        }
    }

    private static final long QUOTA_LOCK = 0x7715_0000_0000_0000L;

    /** The reasons the given files would be refused, one per refused file; empty when all are fine. */
    List<String> problems(List<IncomingFile> files) {
        List<String> problems = new ArrayList<>();
        List<IncomingFile> real = nonEmpty(files);
        if (real.size() > MAX_FILES) {
            problems.add("Vous pouvez joindre au plus " + MAX_FILES + " fichiers à la fois.");
        }
        for (IncomingFile file : real) {
            String name = AttachmentPolicy.safeName(file.originalName());
            if (file.size() > policy.maxSize().toBytes()) {
                problems.add("« " + name + " » dépasse la taille maximale de " + policy.maxSizeLabel() + ".");
                continue;
            }
            if (type(file).isEmpty()) {
                problems.add("« " + name + " » n'est pas d'un type accepté (" + AttachmentPolicy.HUMAN_LIST + ").");
            }
        }
        return problems;
    }

    /** Stores already checked files for a request (and comment); returns how many were stored. */
    int attach(long requestId, Long commentId, List<IncomingFile> files, long actorId) {
        return attach(requestId, commentId, files, actorId, false);
    }

    /**
     * Stores already checked files for a request and comment, or for an internal note ({@code internal}): the same
     * checks, except the collectivity's quota, which a note's files do not take (V48). Returns how many were stored.
     */
    int attach(long requestId, Long commentId, List<IncomingFile> files, long actorId, boolean internal) {
        List<String> problems = problems(files);
        if (!problems.isEmpty()) {
            throw new FieldRefusal(FIELD, String.join(" ", problems));
        }
        if (!internal) {
            checkQuota(requestId, nonEmpty(files));
        }
        int count = 0;
        for (IncomingFile file : nonEmpty(files)) {
            String type = type(file).orElseThrow();
            FileStorage.Stored stored;
            try (InputStream in = file.content().getInputStream()) {
                stored = store.store(in, policy.maxSize().toBytes());
            } catch (FileStorage.TooLargeException e) {
                throw new FieldRefusal(
                        FIELD,
                        "« " + AttachmentPolicy.safeName(file.originalName()) + " » dépasse la taille maximale de "
                                + policy.maxSizeLabel() + ".");
            } catch (IOException e) {
                // the storage failed (disk full, S3 unreachable): the files already stored go with the rollback
                log.warn("Fichier d'une demande non enregistré : stockage indisponible", e);
                throw new FieldRefusal(
                        FIELD,
                        "« " + AttachmentPolicy.safeName(file.originalName()) + " » n'a pas pu être enregistré : le "
                                + "stockage des fichiers ne répond pas. Rien n'a été enregistré ; réessayez dans "
                                + "quelques minutes.");
            }
            FileCleanup.onRollback(() -> store.delete(stored.key()));
            attachments.save(new RequestAttachment(
                    requestId,
                    commentId,
                    AttachmentPolicy.safeName(file.originalName()),
                    type,
                    stored.size(),
                    stored.key(),
                    actorId,
                    clock.instant(),
                    internal));
            count++;
        }
        return count;
    }

    /**
     * Opens a file of a request the actor may see; another request's file id is « not found », and so is the file of
     * an internal note for whoever may not read notes.
     */
    @Transactional(readOnly = true)
    OpenedAttachment open(int numero, long attachmentId, Actor actor) throws IOException {
        Request request = requests.visibleTo(numero, actor);
        RequestAttachment attachment = attachments
                .findById(attachmentId)
                .filter(a -> a.getRequestId() == request.getId())
                .filter(a -> !a.isInternal() || request.canReadNotes(actor))
                .orElseThrow(RequestException::notFound);
        return new OpenedAttachment(
                attachment.getFileName(),
                attachment.getContentType(),
                attachment.getSizeBytes(),
                store.open(attachment.getStorageKey()));
    }

    private Optional<String> type(IncomingFile file) {
        try (InputStream in = file.content().getInputStream()) {
            return policy.allowedType(in, file.originalName());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<IncomingFile> nonEmpty(List<IncomingFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f != null
                                && f.size() > 0
                                && f.originalName() != null
                                && !f.originalName().isBlank())
                        .toList();
    }
}
