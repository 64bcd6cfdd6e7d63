package dk.rammearkitektur.sso.privileges;

import java.util.Optional;

/**
 * The two published namespaces of the OIO basic privilege profile's root element {@code PrivilegeList}. The reader
 * accepts both; the writer writes either.
 */
public enum BppNamespace {
    /** BPP 1.0.1, the namespace of the KOMBIT world (OS2rollekatalog, OS2faktor, the Context Handler's test vectors). */
    V1_0_1("http://itst.dk/oiosaml/basic_privilege_profile"),
    /** BPP 1.2, the namespace OIOSAML.Java binds. */
    V1_2("http://digst.dk/oiosaml/basic_privilege_profile");

    private final String uri;

    BppNamespace(String uri) {
        this.uri = uri;
    }

    /** The namespace URI. */
    public String uri() {
        return uri;
    }

    /** The namespace with this URI, if it is one of the two. */
    public static Optional<BppNamespace> fromUri(String uri) {
        for (BppNamespace n : values()) {
            if (n.uri.equals(uri)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
