package org.openyibao.platform.security;

import java.io.Serializable;

/**
 * Who is signed in to the console or the portal, kept in the session: the account, its role and what it is bound
 * to (an institution's code, a region's admdvs, a person's psn_no; null where the role is not bound).
 */
public record ConsoleUser(String username, Role role, String fixmedinsCode, String admdvs, String psnNo) implements Serializable {

    /** Whether this user may see the ID number and name of the person {@code psnNo} in full. */
    public boolean seesPersonalDataOf(String psnNo) {
        return role.binding == Role.Binding.PERSON ? psnNo != null && psnNo.equals(this.psnNo) : role.seesPersonalData;
    }
}
