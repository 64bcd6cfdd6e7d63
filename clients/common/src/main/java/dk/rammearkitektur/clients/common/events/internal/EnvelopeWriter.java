package dk.rammearkitektur.clients.common.events.internal;

import dk.rammearkitektur.clients.common.events.DeliveryInfo;
import dk.rammearkitektur.clients.common.events.DeliveryRoute;
import dk.rammearkitektur.clients.common.events.EventFilter;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.EventPayload;
import dk.rammearkitektur.clients.common.events.EventTime;
import dk.rammearkitektur.clients.common.events.ObjectRegistration;
import dk.rammearkitektur.clients.common.events.RecipientAction;
import dk.rammearkitektur.clients.common.events.RelatedObject;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Writes an {@link EventMessage} as a {@code Haendelsesbesked} in the schema's element order, prefix {@code besked}
 * for the envelope and {@code sd} for the shared types; absent optional parts are left out.
 */
public final class EnvelopeWriter {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final StringBuilder out = new StringBuilder(1024);

    private EnvelopeWriter() {
    }

    /** The bare {@code Haendelsesbesked} document. */
    public static byte[] document(EventMessage m) {
        EnvelopeWriter w = new EnvelopeWriter();
        w.out.append(DECLARATION);
        w.message(m);
        return w.bytes();
    }

    /** The {@code Haendelsesbesked} inside {@code ModtagBeskedInput}. */
    public static byte[] modtagBeskedInput(EventMessage m) {
        EnvelopeWriter w = new EnvelopeWriter();
        w.out.append(DECLARATION).append("<sts:ModtagBeskedInput xmlns:sts=\"").append(Namespaces.STS).append("\">");
        w.message(m);
        w.out.append("</sts:ModtagBeskedInput>");
        return w.bytes();
    }

    private byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void message(EventMessage m) {
        out.append("<besked:Haendelsesbesked xmlns:besked=\"").append(Namespaces.KUVERT).append("\" xmlns:sd=\"")
                .append(Namespaces.SAGDOK).append("\">");
        unikId("BeskedId", m.messageId());
        text("BeskedVersion", m.version());
        open("Beskedkuvert");
        filter(m.filter());
        delivery(m.delivery());
        recipientAction(m.recipientAction());
        time("GyldighedFra", m.validFrom());
        time("GyldighedTil", m.validTo());
        close("Beskedkuvert");
        for (EventPayload p : m.payloads()) {
            open("Beskeddata");
            out.append(p.xml());
            close("Beskeddata");
        }
        close("Haendelsesbesked");
    }

    private void filter(EventFilter f) {
        open("Filtreringsdata");
        unikId("Beskedtype", f.messageType());
        actor("BeskedAnsvarligAktoer", f.responsibleActor());
        f.allowedRecipients().forEach(r -> unikId("TilladtModtager", r));
        for (RelatedObject o : f.relatedObjects()) {
            open("RelateretObjekt");
            unikId("ObjektId", o.objectId());
            unikId("ObjektType", o.objectType());
            unikId("ObjektRolle", o.objectRole());
            close("RelateretObjekt");
        }
        f.objectRegistrations().forEach(this::objectRegistration);
        f.crossProcesses().forEach(p -> unikId("TvaergaaendeProces", p));
        close("Filtreringsdata");
    }

    private void objectRegistration(ObjectRegistration r) {
        open("ObjektRegistrering");
        unikId("ObjektRegistreringId", r.registrationId());
        actor("RegistreringsAktoer", r.registeringActor());
        time("Registreringstidspunkt", r.registeredAt());
        unikId("ObjektAnsvarligMyndighed", r.responsibleAuthority());
        unikId("ObjektId", r.objectId());
        unikId("ObjektType", r.objectType());
        unikId("ObjektHandling", r.objectAction());
        unikId("OpgaveEmne", r.taskSubject());
        close("ObjektRegistrering");
    }

    private void delivery(DeliveryInfo d) {
        open("Leveranceinformation");
        time("Dannelsestidspunkt", d.createdAt());
        unikId("TransaktionsId", d.transactionId());
        actor("Kildesystem", d.sourceSystem());
        text("KildesystemIPAdresse", d.sourceIpAddress());
        unikId("Sikkerhedsklassificering", d.securityClassification());
        if (!d.routes().isEmpty()) {
            open("Leveranceruter");
            d.routes().forEach(this::route);
            close("Leveranceruter");
        }
        close("Leveranceinformation");
    }

    private void route(DeliveryRoute r) {
        open("Leverancerute");
        unikId("Fordelingssystem", r.distributionSystem());
        time("ModtagelsesTidspunkt", r.receivedAt());
        time("LeveranceTidspunkt", r.deliveredAt());
        actor("ModtagetFraSystem", r.receivedFrom());
        unikId("ErLeveretIHenholdTil", r.deliveredPursuantTo());
        if (r.deliveryAttempts() != null) {
            open("LeveranceruteLokalUdvidelse");
            text("AntalLeveranceforsoeg", r.deliveryAttempts().toString());
            close("LeveranceruteLokalUdvidelse");
        }
        close("Leverancerute");
    }

    private void recipientAction(RecipientAction a) {
        if (a != null) {
            open("Modtagerhandling");
            unikId("Handling", a.action());
            actor("Responsmodtager", a.responseRecipient());
            close("Modtagerhandling");
        }
    }

    private void unikId(String name, String value) {
        if (value != null) {
            open(name);
            sd(Values.isUuid(value) ? "UUIDIdentifikator" : "URNIdentifikator", value);
            close(name);
        }
    }

    private void actor(String name, UUID value) {
        if (value != null) {
            open(name);
            sd("UUIDIdentifikator", value.toString());
            close(name);
        }
    }

    private void time(String name, EventTime value) {
        if (value != null) {
            open(name);
            if (value.isBoundary()) {
                sd("GraenseIndikator", value.boundary().toString());
            } else {
                sd("TidsstempelDatoTid", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.dateTime()));
            }
            close(name);
        }
    }

    private void text(String name, String value) {
        if (value != null) {
            open(name);
            escape(value);
            close(name);
        }
    }

    private void sd(String name, String value) {
        out.append("<sd:").append(name).append('>');
        escape(value);
        out.append("</sd:").append(name).append('>');
    }

    private void open(String name) {
        out.append("<besked:").append(name).append('>');
    }

    private void close(String name) {
        out.append("</besked:").append(name).append('>');
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }
}
