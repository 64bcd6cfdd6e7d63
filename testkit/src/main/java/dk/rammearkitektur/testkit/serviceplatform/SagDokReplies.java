package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import org.w3c.dom.Element;

/** What the simulated LoRa (sagdok 3) services' replies share: the output element with StandardRetur, paging numbers. */
final class SagDokReplies {
    static final String SD = "urn:oio:sagdok:3.0.0";

    private SagDokReplies() {
    }

    /** Adds {@code <prefix>:name} in {@code ns} to {@code body} with {@code StandardRetur} (code, text if not null). */
    static Element output(Element body, String ns, String prefix, String name, int code, String text) {
        Element out = Xml.el(body, ns, prefix + ":" + name, null);
        out.setAttributeNS(Xml.XMLNS, "xmlns:" + prefix, ns);
        out.setAttributeNS(Xml.XMLNS, "xmlns:sd", SD);
        Element retur = Xml.el(out, SD, "sd:StandardRetur", null);
        Xml.el(retur, SD, "sd:StatusKode", code);
        if (text != null) {
            Xml.el(retur, SD, "sd:FejlbeskedTekst", text);
        }
        return out;
    }

    /** The output element answering the request element {@code input}: SoegOutput, LaesOutput or ListOutput. */
    static String outputName(String input) {
        return switch (input) {
            case "SoegInput" -> "SoegOutput";
            case "LaesInput" -> "LaesOutput";
            default -> "ListOutput";
        };
    }

    /** A paging number: {@code absent} when null, -1 for any negative, {@code Long.MAX_VALUE} when too large. */
    static long number(String text, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text.startsWith("-") ? -1 : Long.MAX_VALUE;
        }
    }
}
