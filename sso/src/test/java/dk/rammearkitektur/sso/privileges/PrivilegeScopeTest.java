package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PrivilegeScopeTest {
    @Provide
    Arbitrary<PrivilegeScope> scopes() {
        return Arbitraries.of(PrivilegeScope.Kind.values()).flatMap(kind -> Arbitraries.strings().numeric()
                .ofLength(kind.digits()).map(n -> new PrivilegeScope(kind, n)));
    }

    @Property(tries = 500)
    void uriParsesBack(@ForAll("scopes") PrivilegeScope scope) {
        assertEquals(scope, PrivilegeScope.parse(scope.uri()));
        assertTrue(scope.uri().startsWith(PrivilegeScope.PREFIX + scope.kind().urnPart() + ":"));
    }

    @Property(tries = 500)
    void cprNeverShownInFull(@ForAll("scopes") PrivilegeScope scope) {
        if (scope.kind() == PrivilegeScope.Kind.CPR) {
            assertFalse(scope.toString().contains(scope.number()), scope.toString());
            assertTrue(scope.toString().endsWith(scope.number().substring(0, 6) + "-****"), scope.toString());
        } else {
            assertEquals(scope.uri(), scope.toString());
        }
    }

    @Provide
    Arbitrary<String> wrongLengths() {
        return Combinators.combine(Arbitraries.of(PrivilegeScope.Kind.values()), Arbitraries.integers().between(0, 12))
                .filter((k, n) -> n != k.digits())
                .as((k, n) -> PrivilegeScope.PREFIX + k.urnPart() + ":" + "1".repeat(n));
    }

    @Property(tries = 200)
    void wrongLengthIsRefusedAtScope(@ForAll("wrongLengths") String urn) {
        assertEquals("scope", org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> PrivilegeScope.parse(urn)).violations().get(0).path());
    }
}
