package dk.rammearkitektur.clients.beskedfordeler;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event envelopes in the published shape ({@code urn:oio:besked:kuvert:1.0}), written by hand for the tests. */
public final class Envelopes {
    private Envelopes() {
    }

    /** A bare Haendelsesbesked with the given id, a Beskedtype and one inline payload element. */
    public static byte[] haendelsesbesked(UUID id, String payload) {
        return xml(body(id, payload, ""));
    }

    /** The same wrapped in ModtagBeskedInput, as the Beskedfordeler pushes it. */
    public static byte[] modtagBeskedInput(UUID id, String payload) {
        return xml("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\">" + body(id, payload,
                "") + "</sts:ModtagBeskedInput>");
    }

    private static String body(UUID id, String payload, String extra) {
        return "<b:Haendelsesbesked xmlns:b=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<b:BeskedId><sd:UUIDIdentifikator>" + id + "</sd:UUIDIdentifikator></b:BeskedId>"
                + "<b:BeskedVersion>1.0</b:BeskedVersion><b:Beskedkuvert><b:Filtreringsdata><b:Beskedtype>"
                + "<sd:UUIDIdentifikator>7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d</sd:UUIDIdentifikator></b:Beskedtype>"
                + "</b:Filtreringsdata><b:Leveranceinformation>" + extra + "</b:Leveranceinformation>"
                + "</b:Beskedkuvert><b:Beskeddata>" + payload + "</b:Beskeddata></b:Haendelsesbesked>";
    }

    private static byte[] xml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
