package dk.rammearkitektur.model.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dk.rammearkitektur.model.Address;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.ContactDetails;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import java.io.IOException;

/**
 * Writes the model straight to a {@link JsonGenerator}, in exactly the form the binding classes of
 * {@code internal.bind} read (property order, omitted absent values, {@code kind} tags). Faster than going through
 * the binding classes, which Jackson would write by reflection.
 */
final class ModelWriter {
    private ModelWriter() {
    }

    static void writeCase(JsonGenerator g, Case c, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "case");
        }
        g.writeStringField("id", c.id().toString());
        g.writeStringField("caseNumber", c.caseNumber());
        g.writeStringField("title", c.title());
        g.writeStringField("classification", c.classification().toString());
        g.writeStringField("status", c.status().name());
        if (c.statusReason().isPresent()) {
            g.writeStringField("statusReason", c.statusReason().get());
        }
        g.writeObjectFieldStart("caseworker");
        g.writeStringField("id", c.caseworker().id().toString());
        g.writeStringField("name", c.caseworker().name());
        g.writeEndObject();
        g.writeFieldName("owningUnit");
        writeOrganisationUnit(g, c.owningUnit(), false);
        g.writeStringField("confidentiality", c.confidentiality().name());
        g.writeArrayFieldStart("parties");
        for (CaseParty p : c.parties()) {
            g.writeStartObject();
            g.writeStringField("role", p.role().name());
            g.writeFieldName("party");
            writeParty(g, p.party(), true);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("documents");
        for (JournalEntry j : c.documents()) {
            g.writeStartObject();
            g.writeStringField("journalDate", j.journalDate().toString());
            g.writeStringField("role", j.role().name());
            g.writeFieldName("document");
            writeDocument(g, j.document(), false);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("benefits");
        for (Benefit b : c.benefits()) {
            writeBenefit(g, b, false);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void writeParty(JsonGenerator g, Party p, boolean kind) throws IOException {
        if (p instanceof Person person) {
            writePerson(g, person, kind);
        } else if (p instanceof Company company) {
            writeCompany(g, company, kind);
        } else {
            writeOrganisationUnit(g, (OrganisationUnit) p, kind);
        }
    }

    static void writePerson(JsonGenerator g, Person p, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "person");
        }
        g.writeStringField("id", p.id().toString());
        g.writeStringField("cpr", p.cpr().value());
        g.writeStringField("name", p.name());
        if (p.address().isPresent()) {
            writeAddress(g, p.address().get());
        }
        g.writeBooleanField("addressProtected", p.addressProtected());
        writeContact(g, p.contact());
        g.writeEndObject();
    }

    static void writeCompany(JsonGenerator g, Company c, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "company");
        }
        g.writeStringField("id", c.id().toString());
        g.writeStringField("cvr", c.cvr().value());
        if (c.pNumber().isPresent()) {
            g.writeStringField("pNumber", c.pNumber().get().value());
        }
        g.writeStringField("name", c.name());
        if (c.address().isPresent()) {
            writeAddress(g, c.address().get());
        }
        writeContact(g, c.contact());
        g.writeEndObject();
    }

    static void writeOrganisationUnit(JsonGenerator g, OrganisationUnit u, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "organisationUnit");
        }
        g.writeStringField("id", u.id().toString());
        g.writeStringField("name", u.name());
        writeContact(g, u.contact());
        g.writeEndObject();
    }

    private static void writeAddress(JsonGenerator g, Address a) throws IOException {
        g.writeObjectFieldStart("address");
        g.writeStringField("street", a.street());
        g.writeStringField("postalCode", a.postalCode());
        g.writeStringField("city", a.city());
        g.writeStringField("countryCode", a.countryCode());
        g.writeEndObject();
    }

    private static void writeContact(JsonGenerator g, ContactDetails c) throws IOException {
        if (c.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("contact");
        if (c.email().isPresent()) {
            g.writeStringField("email", c.email().get());
        }
        if (c.phone().isPresent()) {
            g.writeStringField("phone", c.phone().get());
        }
        g.writeEndObject();
    }

    static void writeDocument(JsonGenerator g, Document d, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "document");
        }
        g.writeStringField("id", d.id().toString());
        g.writeStringField("title", d.title());
        g.writeStringField("letterDate", d.letterDate().toString());
        g.writeStringField("type", d.type().name());
        g.writeStringField("direction", d.direction().name());
        g.writeArrayFieldStart("variants");
        for (DocumentVariant v : d.variants()) {
            g.writeStartObject();
            g.writeStringField("kind", v.kind().name());
            g.writeArrayFieldStart("parts");
            for (DocumentPart p : v.parts()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeStringField("mediaType", p.mediaType());
                g.writeNumberField("size", p.size());
                g.writeStringField("sha256", p.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void writeBenefit(JsonGenerator g, Benefit b, boolean kind) throws IOException {
        g.writeStartObject();
        if (kind) {
            g.writeStringField("kind", "benefit");
        }
        g.writeStringField("id", b.id().toString());
        g.writeObjectFieldStart("type");
        g.writeStringField("scheme", b.type().scheme());
        g.writeStringField("code", b.type().code());
        g.writeEndObject();
        g.writeStringField("recipient", b.recipient().toString());
        if (b.grantPeriod().isPresent()) {
            writePeriod(g, "grantPeriod", b.grantPeriod().get());
        }
        g.writeStringField("amount", b.amount().toPlainString());
        g.writeStringField("frequency", b.frequency().name());
        g.writeStringField("status", b.status().name());
        g.writeArrayFieldStart("decisionDocuments");
        for (DocumentId id : b.decisionDocuments()) {
            g.writeString(id.toString());
        }
        g.writeEndArray();
        g.writeStringField("legalBasis", b.legalBasis());
        optional(g, "grantee", b.grantee().map(Object::toString).orElse(null));
        if (!b.currency().equals(Money.DKK)) {
            g.writeStringField("currency", b.currency().getCurrencyCode());
        }
        optional(g, "paymentTiming", b.paymentTiming().map(Enum::name).orElse(null));
        optional(g, "dispositionDay", b.dispositionDay().orElse(null));
        if (!b.payments().isEmpty()) {
            g.writeArrayFieldStart("payments");
            for (Payment p : b.payments()) {
                writePayment(g, p);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writePayment(JsonGenerator g, Payment p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id().toString());
        optional(g, "reference", p.reference().orElse(null));
        writePeriod(g, "benefitPeriod", p.benefitPeriod());
        g.writeStringField("dispositionDate", p.dispositionDate().toString());
        g.writeStringField("gross", p.gross().amount().toPlainString());
        g.writeStringField("afterTax", p.afterTax().amount().toPlainString());
        g.writeStringField("sentForPayment", p.sentForPayment().amount().toPlainString());
        optional(g, "paid", p.paid().map(m -> m.amount().toPlainString()).orElse(null));
        optional(g, "offsetReason", p.offsetReason().orElse(null));
        optional(g, "paidReason", p.paidReason().orElse(null));
        optional(g, "payee", p.payee().map(Object::toString).orElse(null));
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void writePeriod(JsonGenerator g, String field, DatePeriod p) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("from", p.from().toString());
        if (p.to().isPresent()) {
            g.writeStringField("to", p.to().get().toString());
        }
        g.writeEndObject();
    }

    static void writeHistory(JsonGenerator g, History<?> h) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("registrations");
        for (Registration<?> r : h.registrations()) {
            g.writeStartObject();
            g.writeStringField("registeredFrom", r.registeredFrom().toString());
            if (r.registeredTo().isPresent()) {
                g.writeStringField("registeredTo", r.registeredTo().get().toString());
            }
            g.writeStringField("actor", r.actor());
            if (r.note().isPresent()) {
                g.writeStringField("note", r.note().get());
            }
            g.writeArrayFieldStart("effects");
            for (Effect<?> e : r.effects()) {
                g.writeStartObject();
                g.writeStringField("validFrom", e.validity().start().toString());
                if (e.validity().end().isPresent()) {
                    g.writeStringField("validTo", e.validity().end().get().toString());
                }
                g.writeFieldName("value");
                writeValue(g, e.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Case c) {
            writeCase(g, c, true);
        } else if (value instanceof Document d) {
            writeDocument(g, d, true);
        } else if (value instanceof Benefit b) {
            writeBenefit(g, b, true);
        } else if (value instanceof Party p) {
            writeParty(g, p, true);
        } else {
            throw new IllegalArgumentException("history values must be Case, Document, Benefit or Party, not "
                    + value.getClass().getName());
        }
    }
}
