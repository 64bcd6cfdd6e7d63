package dk.rammearkitektur.spring.boot.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.sso.Citizen;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import dk.rammearkitektur.sso.sp.PendingRequest;
import dk.rammearkitektur.sso.sp.SsoLogin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class SsoAuthenticationTest {
    private static final String CPR = "0101901234";

    private static SsoLogin login(UserIdentity identity) {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        return new SsoLogin(identity, identity.nameId(), "", "_s1", Optional.empty(), "_a1", now.plusSeconds(300),
                new PendingRequest("_r1", now, now.plusSeconds(600), "relay", "/", null));
    }

    @Test
    void aProfessionalsAuthoritiesAreThePrivilegesOfHerOwnCvrSorted() {
        PrivilegeList list = PrivilegeList.of(PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), "urn:role:b"),
                PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), "urn:role:a"),
                PrivilegeGroup.of(PrivilegeScope.cvr("22222222"), "urn:role:elsewhere"));
        Professional p = new Professional(UUID.randomUUID(), "11111111", Optional.of("Korsbæk Kommune"),
                Optional.of("Karen"), List.of(), Optional.of(LevelOfAssurance.SUBSTANTIAL), 3,
                Optional.of(Cpr.parse(CPR)), list, "urn:name:karen");
        SsoAuthentication a = new SsoAuthentication(login(p));
        assertEquals(List.of("urn:role:a", "urn:role:b"), a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList());
        assertSame(p, a.getPrincipal());
        assertEquals("urn:name:karen", a.getName());
        assertTrue(a.isAuthenticated());
        assertEquals(null, a.getCredentials());
        assertFalse(a.toString().contains(CPR), a.toString());
        assertThrows(IllegalArgumentException.class, () -> a.setAuthenticated(true));
        a.setAuthenticated(false);
        assertFalse(a.isAuthenticated());
    }

    @Test
    void aCitizenHasNoAuthorities() {
        Citizen c = new Citizen(Optional.empty(), Optional.of(Cpr.parse(CPR)), Optional.empty(), Optional.of("Carl"),
                Optional.of("Borger"), Optional.empty(), Optional.of(LevelOfAssurance.SUBSTANTIAL), 3, "urn:name:carl");
        SsoAuthentication a = new SsoAuthentication(login(c));
        assertTrue(a.getAuthorities().isEmpty());
        assertFalse(a.toString().contains(CPR), a.toString());
    }
}
