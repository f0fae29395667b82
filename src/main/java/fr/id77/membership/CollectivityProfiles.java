package fr.id77.membership;

import fr.id77.account.CurrentUser;
import fr.id77.membership.MembershipForms.ProfileForm;
import fr.id77.shared.web.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A collectivity's profile (« Éditer le profil »), by its members or by an admin. Every member's method starts
 * from the user's own collectivity, so ids typed in an address can never reach another one.
 */
@Service
class CollectivityProfiles {

    private final CollectivityRepository collectivities;
    private final Logos logos;

    CollectivityProfiles(CollectivityRepository collectivities, Logos logos) {
        this.collectivities = collectivities;
        this.logos = logos;
    }

    /** The signed-in member's collectivity; not found for staff, who have none. */
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
            logos.replace(c, logo);
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
        String website = form.website() == null ? "" : form.website();
        c.setWebsite(website.isEmpty() ? null : website.matches("(?i)^https?://.*") ? website : "https://" + website);
    }
}
