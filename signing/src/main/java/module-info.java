/**
 * OCES certificates and keys, certificate validation, hardened XML-DSig, SAML 2.0 assertions and WS-Security, on
 * Santuario and Bouncy Castle. Exports its API packages only.
 */
module dk.rammearkitektur.signing {
    requires transitive dk.rammearkitektur.core;
    requires transitive java.xml;
    requires java.net.http;
    requires org.apache.santuario.xmlsec;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.slf4j;

    exports dk.rammearkitektur.signing;
    exports dk.rammearkitektur.signing.certificates;
    exports dk.rammearkitektur.signing.saml;
    exports dk.rammearkitektur.signing.wss;
    exports dk.rammearkitektur.signing.xml;

    // Santuario instantiates the registered STR-Transform implementation reflectively.
    opens dk.rammearkitektur.signing.internal to org.apache.santuario.xmlsec;
}
