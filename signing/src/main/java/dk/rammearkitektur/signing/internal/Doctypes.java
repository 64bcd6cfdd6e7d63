package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.core.XmlSecurityException;
import org.w3c.dom.Document;

/** The one refusal of a DOM that carries a DOCTYPE (built elsewhere than by {@code SecureXml}), for every verifier. */
public final class Doctypes {
    private Doctypes() {
    }

    /** Throws {@link XmlSecurityException} ({@code xml.doctype}) when {@code doc} has a DOCTYPE; null is allowed. */
    public static void refuse(Document doc) {
        if (doc != null && doc.getDoctype() != null) {
            throw new XmlSecurityException("xml.doctype", "XML refused: a DOCTYPE declaration is not allowed", null);
        }
    }
}
