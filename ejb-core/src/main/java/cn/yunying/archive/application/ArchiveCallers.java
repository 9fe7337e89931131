package cn.yunying.archive.application;

import cn.yunying.archive.domain.AccessScope;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.RoleNames;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The archive's scoping rule (docs/archive.md), in one place:
 * <ul>
 *   <li>platform administrators see the studies of every institution;</li>
 *   <li>institution administrators, radiologists, technicians and clinicians see the studies owned by the institutions
 *       they hold one of these roles in (affiliation and consultation will widen this later);</li>
 *   <li>auditors have no clinical access: they are refused;</li>
 *   <li>VIP-flagged patients and studies are visible only to users holding a VIP access grant of the owning
 *       institution, platform administrators included;</li>
 *   <li>a DICOM AE sees the studies of the institution it is registered to, VIP ones included (the institution's own
 *       modalities and PACS must be able to send and fetch them);</li>
 *   <li>storing (STOW-RS) needs an administrator, radiologist or technician role in the owning institution (a
 *       platform administrator stores for the institutions they hold that role in, the hub).</li>
 * </ul>
 */
@Stateless
@PermitAll
public class ArchiveCallers {

    private static final Set<String> CLINICAL = Set.of(RoleNames.INSTITUTION_ADMIN, RoleNames.RADIOLOGIST,
            RoleNames.TECHNICIAN, RoleNames.CLINICIAN);
    private static final Set<String> STORING = Set.of(RoleNames.INSTITUTION_ADMIN, RoleNames.RADIOLOGIST,
            RoleNames.TECHNICIAN, RoleNames.PLATFORM_ADMIN);

    @EJB
    CallerProfiles callers;

    @EJB
    InstitutionDirectory institutions;

    /** Who is asking, for the audit trail. */
    public String currentUsername() {
        return callers.current().username();
    }

    /** The institutions whose studies the current user sees; null for every institution. */
    public Set<Long> visibleInstitutions() {
        CallerProfile caller = callers.current();
        return visibleTo(caller);
    }

    /** What the current user sees: {@link #visibleInstitutions()} narrowed by their VIP access grants. */
    public AccessScope visibleScope() {
        CallerProfile caller = callers.current();
        return scopeOf(caller);
    }

    static AccessScope scopeOf(CallerProfile caller) {
        return new AccessScope(visibleTo(caller), caller.vipInstitutions());
    }

    /** What a DICOM AE sees: every study of its institution, VIP ones included. */
    public AccessScope scopeOfAe(String aeTitle) {
        return AccessScope.ownInstitution(institutionsOfAe(aeTitle));
    }

    static Set<Long> visibleTo(CallerProfile caller) {
        if (caller.isPlatformAdmin()) {
            return null;
        }
        Set<Long> visible = new TreeSet<>();
        for (Long id : caller.institutionIds()) {
            if (caller.roleNamesIn(id).stream().anyMatch(CLINICAL::contains)) {
                visible.add(id);
            }
        }
        if (visible.isEmpty()) {
            throw new AccessDeniedException(caller.username() + " has no clinical role");
        }
        return Collections.unmodifiableSet(visible);
    }

    /** The institution a DICOM AE is registered to, if any. */
    public Set<Long> institutionsOfAe(String aeTitle) {
        return institutions.ownerOfAe(aeTitle).map(Set::of)
                .orElseThrow(() -> new AccessDeniedException("AE " + aeTitle + " is not registered"));
    }

    /** The source of an upload by the current user, into {@code institutionId} or the only one they may store for. */
    public IngestSource storeSource(Long institutionId, String address) {
        CallerProfile caller = callers.current();
        Set<Long> allowed = new TreeSet<>();
        for (Long id : caller.institutionIds()) {
            if (caller.roleNamesIn(id).stream().anyMatch(STORING::contains)) {
                allowed.add(id);
            }
        }
        if (allowed.isEmpty()) {
            throw new AccessDeniedException(caller.username() + " may not store images");
        }
        Long target = institutionId;
        if (target == null) {
            if (allowed.size() > 1) {
                throw new DomainException(ArchiveError.AMBIGUOUS_INSTITUTION, caller.username() + " stores for "
                        + allowed + "; name one");
            }
            target = allowed.iterator().next();
        } else if (!allowed.contains(target)) {
            throw new AccessDeniedException(caller.username() + " may not store for institution " + target);
        }
        return new IngestSource(IngestSource.Kind.USER, caller.username(), target, address);
    }
}
