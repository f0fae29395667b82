package fr.id77.membership;

import fr.id77.account.AccountStatus;
import fr.id77.account.Accounts;
import fr.id77.account.CurrentUser;
import fr.id77.account.NewAccount;
import fr.id77.account.Role;
import fr.id77.membership.MembershipForms.ColleagueForm;
import fr.id77.membership.MembershipForms.ProfileForm;
import fr.id77.membership.MembershipForms.ReferentForm;
import fr.id77.shared.files.FileCleanup;
import fr.id77.shared.files.FileStorage;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.shared.web.Versions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The signed-in member's collectivity: profile, logo, technical referents, colleagues. Every method
 * starts from the user's own collectivity, so ids typed in an address can never reach another one.
 */
@Service
class Profiles {

    static final long MAX_LOGO_BYTES = 1024 * 1024;


    private final CollectivityRepository collectivities;
    private final TechnicalReferentRepository referents;
    private final FileStorage storage;
    private final Accounts accounts;
    private final int maxAccounts;

    Profiles(CollectivityRepository collectivities, TechnicalReferentRepository referents, FileStorage storage, Accounts accounts,
             @Value("${id77.membership.max-accounts-per-collectivity:20}") int maxAccounts) {
        this.collectivities = collectivities;
        this.referents = referents;
        this.storage = storage;
        this.accounts = accounts;
        this.maxAccounts = maxAccounts;
    }

    Collectivity own(CurrentUser me) {
        if (me.collectivityId() == null) {
            throw new NotFound();
        }
        return collectivities.findById(me.collectivityId()).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    Collectivity collectivity(CurrentUser me) {
        return own(me);
    }

    @Transactional(readOnly = true)
    ProfileForm profileForm(CurrentUser me) {
        return adminForm(own(me).getId());
    }

    /** A member saves the profile; once the adhesion is validated, name, SIRET and category are kept whatever was posted. */
    @Transactional
    void saveProfile(CurrentUser me, ProfileForm form, MultipartFile logo) {
        Collectivity c = own(me);
        apply(c, form, !c.identityLocked());
        if (logo != null && !logo.isEmpty()) {
            replaceLogo(c, logo);
        }
    }

    /** An admin's form of a collectivity: every field, name, SIRET and category included. */
    @Transactional(readOnly = true)
    ProfileForm adminForm(long collectivityId) {
        Collectivity c = collectivities.findById(collectivityId).orElseThrow(NotFound::new);
        return new ProfileForm(c.fields(), c.getWebsite(), c.getVersion());
    }

    /** An admin saves a collectivity's profile, name, SIRET and category included. */
    @Transactional
    void saveByAdmin(long collectivityId, ProfileForm form) {
        apply(collectivities.findById(collectivityId).orElseThrow(NotFound::new), form, true);
    }

    private static void apply(Collectivity c, ProfileForm form, boolean identityToo) {
        Versions.requireCurrent(form.version(), c.getVersion(), Collectivity.class, c.getId());
        if (identityToo) {
            c.update(form.collectivity());
        } else {
            c.updateKeepingIdentity(form.collectivity());
        }
        String website = form.website() == null ? "" : form.website().strip();
        c.setWebsite(website.isEmpty() ? null : website.matches("(?i)^https?://.*") ? website : "https://" + website);
    }

    private void replaceLogo(Collectivity c, MultipartFile logo) {
        if (logo.getSize() > MAX_LOGO_BYTES) {
            throw new FieldRefusal("logo", "Le logo ne doit pas dépasser 1 Mo.");
        }
        try (InputStream in = new BufferedInputStream(logo.getInputStream())) {
            in.mark(16);
            ImageType type = ImageType.detect(in.readNBytes(12))
                    .orElseThrow(() -> new FieldRefusal("logo", "Le logo doit être une image PNG, JPEG ou WebP."));
            in.reset();
            String key = storage.store(in, MAX_LOGO_BYTES);
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
    Collectivity logoOwner(CurrentUser me, long collectivityId) {
        boolean allowed = me.hasRole(Role.ADMIN) || me.hasRole(Role.CHEF_DE_FILE)
                || Long.valueOf(collectivityId).equals(me.collectivityId());
        Collectivity c = allowed ? collectivities.findById(collectivityId).orElseThrow(NotFound::new) : null;
        if (c == null || c.getLogoKey() == null) {
            throw new NotFound();
        }
        return c;
    }

    InputStream openLogo(Collectivity c) throws IOException {
        return storage.open(c.getLogoKey());
    }

    @Transactional(readOnly = true)
    List<TechnicalReferent> referents(CurrentUser me) {
        return referents.findByCollectivityIdAndRemovedAtIsNullOrderById(own(me).getId());
    }

    @Transactional(readOnly = true)
    TechnicalReferent referent(CurrentUser me, long id) {
        return referents.findByIdAndCollectivityId(id, own(me).getId())
                .filter(r -> r.getRemovedAt() == null)
                .orElseThrow(NotFound::new);
    }

    @Transactional
    void addReferent(CurrentUser me, ReferentForm form) {
        referents.save(new TechnicalReferent(own(me).getId(), form));
    }

    @Transactional
    void updateReferent(CurrentUser me, long id, ReferentForm form) {
        TechnicalReferent r = referent(me, id);
        Versions.requireCurrent(form.version(), r.getVersion(), TechnicalReferent.class, id);
        r.update(form);
    }

    @Transactional
    void removeReferent(CurrentUser me, long id) {
        referent(me, id).remove();
    }

    /**
     * Invites a colleague, within {@code id77.membership.max-accounts-per-collectivity} accounts (disabled or
     * refused ones aside). The collectivity's row is locked first, so two invitations at once cannot both take
     * the last place.
     */
    @Transactional
    void inviteColleague(CurrentUser me, ColleagueForm form) {
        Collectivity c = own(me);
        if (c.getStatus() != AdhesionStatus.ACTIVE) {
            throw new FieldRefusal("email", "Votre adhésion doit être active pour inviter un collègue.");
        }
        collectivities.lockById(c.getId());
        long accountsInUse = accounts.members(c.getId()).stream()
                .filter(a -> a.status() != AccountStatus.DISABLED && a.status() != AccountStatus.REFUSED).count();
        if (accountsInUse >= maxAccounts) {
            throw new FieldRefusal(null, "Votre collectivité a déjà " + accountsInUse + " comptes, le maximum est de " + maxAccounts
                    + " : demandez à ID77 de désactiver un compte qui ne sert plus avant d'inviter un collègue.");
        }
        accounts.invite(new NewAccount(form.identifiant(), form.email(), null, form.firstName().strip(),
                form.lastName().strip(), null, Role.ADHERENT, c.getId()), me);
    }

    @Transactional(readOnly = true)
    List<fr.id77.account.AccountSummary> colleagues(CurrentUser me) {
        return accounts.members(own(me).getId()).stream()
                .filter(a -> a.status() == AccountStatus.ACTIVE).toList();
    }
}
