package fr.id77.membership;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import fr.id77.shared.files.FileCleanup;
import fr.id77.shared.files.FileStorage;
import fr.id77.shared.web.FieldRefusal;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A collectivity's logo: checked from its first bytes, kept in the application's {@link FileStorage}, replaced
 * with the transaction (the old file goes only once the new key is committed) and shown only to its members and staff.
 */
@Service
class Logos {

    static final long MAX_LOGO_BYTES = 1024 * 1024;
    /** The types a logo may have (checked from its first bytes by {@link ImageType}), as the file field's {@code accept}. */
    static final String ACCEPT = "image/png,image/jpeg,image/webp";

    private final CollectivityRepository collectivities;
    private final FileStorage storage;

    Logos(CollectivityRepository collectivities, FileStorage storage) {
        this.collectivities = collectivities;
        this.storage = storage;
    }

    /** Stores {@code logo} as the collectivity's logo, within the caller's transaction. */
    void replace(Collectivity c, MultipartFile logo) {
        if (logo.getSize() > MAX_LOGO_BYTES) {
            throw new FieldRefusal("logo", "Le logo ne doit pas dépasser 1 Mo.");
        }
        try (InputStream in = new BufferedInputStream(logo.getInputStream())) {
            in.mark(16);
            ImageType type = ImageType.detect(in.readNBytes(12))
                    .orElseThrow(() -> new FieldRefusal("logo", "Le logo doit être une image PNG, JPEG ou WebP."));
            in.reset();
            String key = storage.store(in, MAX_LOGO_BYTES).key();
            FileCleanup.onRollback(() -> storage.delete(key));
            String previous = c.getLogoKey();
            c.setLogo(key, type.contentType);
            if (previous != null) {
                // only once the new key is committed: a rollback must still find the old file
                FileCleanup.afterCommit(() -> storage.delete(previous));
            }
        } catch (FileStorage.TooLargeException e) {
            throw new FieldRefusal("logo", "Le logo ne doit pas dépasser 1 Mo.");
        } catch (IOException e) {
            throw new FieldRefusal("logo", "Le fichier n'a pas pu être lu : réessayez.");
        }
    }

    /** The logo of a collectivity, for its own members and for ID77 staff only. */
    @Transactional(readOnly = true)
    Collectivity owner(CurrentUser me, long collectivityId) {
        boolean allowed = me.hasRole(Role.ADMIN)
                || me.hasRole(Role.CHEF_DE_FILE)
                || Long.valueOf(collectivityId).equals(me.collectivityId());
        Collectivity c = allowed ? collectivities.findById(collectivityId).orElseThrow(NotFound::new) : null;
        if (c == null || c.getLogoKey() == null) {
            throw new NotFound();
        }
        return c;
    }

    InputStream open(Collectivity c) throws IOException {
        return storage.open(c.getLogoKey());
    }
}
