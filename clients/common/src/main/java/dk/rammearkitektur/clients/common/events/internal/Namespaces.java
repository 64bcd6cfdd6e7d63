package dk.rammearkitektur.clients.common.events.internal;

/** The namespaces of the Beskedfordeler envelope and its wrappers. */
public final class Namespaces {
    /** {@code Haendelsesbesked} and its envelope. */
    public static final String KUVERT = "urn:oio:besked:kuvert:1.0";
    /** The shared types: {@code UUIDIdentifikator}, {@code URNIdentifikator}, {@code TidsstempelDatoTid}. */
    public static final String SAGDOK = "urn:oio:sagdok:3.0.0";
    /** {@code ModtagBeskedInput}, the push to a receiver. */
    public static final String STS = "urn:oio:sts:1.0.0";
    /** {@code AfsendBeskedInput}, the publish. */
    public static final String BESKEDFORDELER = "urn:oio:sts:beskedfordeler:1.0.0";

    private Namespaces() {
    }
}
