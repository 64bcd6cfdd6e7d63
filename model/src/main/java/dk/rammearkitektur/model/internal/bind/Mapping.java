package dk.rammearkitektur.model.internal.bind;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Address;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Confidentiality;
import dk.rammearkitektur.model.ContactDetails;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PNumber;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import dk.rammearkitektur.model.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps the immutable model to the binding classes and back. Reading collects every violation with its path in the
 * binding's names (which are the JSON property and XML element names), e.g. {@code parties[2].party.cpr}.
 */
public final class Mapping {

    private Mapping() {
    }

    // ---------------------------------------------------------------- model to binding

    /** Case to binding. */
    public static Dto.CaseDto toDto(Case c) {
        Dto.CaseDto d = new Dto.CaseDto();
        d.id = c.id().toString();
        d.caseNumber = c.caseNumber();
        d.title = c.title();
        d.classification = c.classification().toString();
        d.status = c.status().name();
        d.statusReason = c.statusReason().orElse(null);
        d.caseworker = new Dto.CaseworkerDto();
        d.caseworker.id = c.caseworker().id().toString();
        d.caseworker.name = c.caseworker().name();
        d.owningUnit = toDto(c.owningUnit());
        d.confidentiality = c.confidentiality().name();
        d.parties = new ArrayList<>(c.parties().size());
        for (CaseParty p : c.parties()) {
            Dto.CasePartyDto pd = new Dto.CasePartyDto();
            pd.role = p.role().name();
            pd.party = partyToDto(p.party());
            d.parties.add(pd);
        }
        d.documents = new ArrayList<>(c.documents().size());
        for (JournalEntry j : c.documents()) {
            Dto.JournalEntryDto jd = new Dto.JournalEntryDto();
            jd.journalDate = j.journalDate().toString();
            jd.role = j.role().name();
            jd.document = toDto(j.document());
            d.documents.add(jd);
        }
        d.benefits = new ArrayList<>(c.benefits().size());
        for (Benefit b : c.benefits()) {
            d.benefits.add(toDto(b));
        }
        return d;
    }

    /** Any party to its binding. */
    public static Object partyToDto(Party p) {
        if (p instanceof Person person) {
            return toDto(person);
        }
        if (p instanceof Company company) {
            return toDto(company);
        }
        return toDto((OrganisationUnit) p);
    }

    /** Person to binding. */
    public static Dto.PersonDto toDto(Person p) {
        Dto.PersonDto d = new Dto.PersonDto();
        d.id = p.id().toString();
        d.cpr = p.cpr().value();
        d.name = p.name();
        d.address = p.address().map(Mapping::toDto).orElse(null);
        d.addressProtected = p.addressProtected();
        d.contact = toDto(p.contact());
        return d;
    }

    /** Company to binding. */
    public static Dto.CompanyDto toDto(Company c) {
        Dto.CompanyDto d = new Dto.CompanyDto();
        d.id = c.id().toString();
        d.cvr = c.cvr().value();
        d.pNumber = c.pNumber().map(PNumber::value).orElse(null);
        d.name = c.name();
        d.address = c.address().map(Mapping::toDto).orElse(null);
        d.contact = toDto(c.contact());
        return d;
    }

    /** Organisation unit to binding. */
    public static Dto.OrganisationUnitDto toDto(OrganisationUnit u) {
        Dto.OrganisationUnitDto d = new Dto.OrganisationUnitDto();
        d.id = u.id().toString();
        d.name = u.name();
        d.contact = toDto(u.contact());
        return d;
    }

    private static Dto.AddressDto toDto(Address a) {
        Dto.AddressDto d = new Dto.AddressDto();
        d.street = a.street();
        d.postalCode = a.postalCode();
        d.city = a.city();
        d.countryCode = a.countryCode();
        return d;
    }

    private static Dto.ContactDto toDto(ContactDetails c) {
        if (c.isEmpty()) {
            return null;
        }
        Dto.ContactDto d = new Dto.ContactDto();
        d.email = c.email().orElse(null);
        d.phone = c.phone().orElse(null);
        return d;
    }

    /** Document to binding. */
    public static Dto.DocumentDto toDto(Document doc) {
        Dto.DocumentDto d = new Dto.DocumentDto();
        d.id = doc.id().toString();
        d.title = doc.title();
        d.letterDate = doc.letterDate().toString();
        d.type = doc.type().name();
        d.direction = doc.direction().name();
        d.variants = new ArrayList<>(doc.variants().size());
        for (DocumentVariant v : doc.variants()) {
            Dto.VariantDto vd = new Dto.VariantDto();
            vd.kind = v.kind().name();
            vd.parts = new ArrayList<>(v.parts().size());
            for (DocumentPart p : v.parts()) {
                Dto.PartDto pd = new Dto.PartDto();
                pd.name = p.name();
                pd.mediaType = p.mediaType();
                pd.size = p.size();
                pd.sha256 = p.sha256();
                vd.parts.add(pd);
            }
            d.variants.add(vd);
        }
        return d;
    }

    /** Benefit to binding. */
    public static Dto.BenefitDto toDto(Benefit b) {
        Dto.BenefitDto d = new Dto.BenefitDto();
        d.id = b.id().toString();
        d.type = new Dto.CodeDto();
        d.type.scheme = b.type().scheme();
        d.type.code = b.type().code();
        d.recipient = b.recipient().toString();
        d.grantPeriod = b.grantPeriod().map(Mapping::toDto).orElse(null);
        d.amount = b.amount().toPlainString();
        d.frequency = b.frequency().name();
        d.status = b.status().name();
        d.decisionDocuments = b.decisionDocuments().stream().map(DocumentId::toString).collect(Collectors.toList());
        d.legalBasis = b.legalBasis();
        d.grantee = b.grantee().map(PartyId::toString).orElse(null);
        d.currency = b.currency().equals(Money.DKK) ? null : b.currency().getCurrencyCode();
        d.paymentTiming = b.paymentTiming().map(PaymentTiming::name).orElse(null);
        d.dispositionDay = b.dispositionDay().orElse(null);
        d.payments = b.payments().isEmpty() ? null
                : b.payments().stream().map(Mapping::toDto).collect(Collectors.toList());
        return d;
    }

    private static Dto.PaymentDto toDto(Payment p) {
        Dto.PaymentDto d = new Dto.PaymentDto();
        d.id = p.id().toString();
        d.reference = p.reference().orElse(null);
        d.benefitPeriod = toDto(p.benefitPeriod());
        d.dispositionDate = p.dispositionDate().toString();
        d.gross = p.gross().amount().toPlainString();
        d.afterTax = p.afterTax().amount().toPlainString();
        d.sentForPayment = p.sentForPayment().amount().toPlainString();
        d.paid = p.paid().map(m -> m.amount().toPlainString()).orElse(null);
        d.offsetReason = p.offsetReason().orElse(null);
        d.paidReason = p.paidReason().orElse(null);
        d.payee = p.payee().map(PartyId::toString).orElse(null);
        return d;
    }

    private static Dto.PeriodDto toDto(DatePeriod p) {
        Dto.PeriodDto pd = new Dto.PeriodDto();
        pd.from = p.from().toString();
        pd.to = p.to().map(LocalDate::toString).orElse(null);
        return pd;
    }

    /** History to binding; values must be cases, documents, benefits or parties. */
    public static Dto.HistoryDto toDto(History<?> h) {
        Dto.HistoryDto d = new Dto.HistoryDto();
        d.registrations = new ArrayList<>(h.registrations().size());
        for (Registration<?> r : h.registrations()) {
            Dto.RegistrationDto rd = new Dto.RegistrationDto();
            rd.registeredFrom = r.registeredFrom().toString();
            rd.registeredTo = r.registeredTo().map(Instant::toString).orElse(null);
            rd.actor = r.actor();
            rd.note = r.note().orElse(null);
            rd.effects = new ArrayList<>(r.effects().size());
            for (Effect<?> e : r.effects()) {
                Dto.EffectDto ed = new Dto.EffectDto();
                ed.validFrom = e.validity().start().toString();
                ed.validTo = e.validity().end().map(Instant::toString).orElse(null);
                ed.value = valueToDto(e.value());
                rd.effects.add(ed);
            }
            d.registrations.add(rd);
        }
        return d;
    }

    /** A case, document, benefit or party to its binding. */
    public static Object valueToDto(Object value) {
        if (value instanceof Case c) {
            return toDto(c);
        }
        if (value instanceof Document doc) {
            return toDto(doc);
        }
        if (value instanceof Benefit b) {
            return toDto(b);
        }
        if (value instanceof Party p) {
            return partyToDto(p);
        }
        throw new IllegalArgumentException("history values must be Case, Document, Benefit or Party, not "
                + value.getClass().getName());
    }

    // ---------------------------------------------------------------- binding to model

    /** Reads a case; throws one exception with every violation, paths under {@code root}. */
    public static Case toCase(Dto.CaseDto d, String root) {
        return top(root, () -> toCase(d));
    }

    /** Reads a document. */
    public static Document toDocument(Dto.DocumentDto d, String root) {
        return top(root, () -> toDocument(d));
    }

    /** Reads a benefit. */
    public static Benefit toBenefit(Dto.BenefitDto d, String root) {
        return top(root, () -> toBenefit(d));
    }

    /** Reads a person, company or organisation unit binding. */
    public static Party toParty(Object d, String root) {
        return top(root, () -> toParty(d));
    }

    /**
     * Reads a history whose values must all be of {@code valueType} ({@code Object} for any).
     */
    public static <T> History<T> toHistory(Dto.HistoryDto d, Class<T> valueType, String root) {
        return top(root, () -> toHistory(d, valueType));
    }

    private static <T> T top(String root, java.util.function.Supplier<T> read) {
        Violations v = Violations.at(root);
        T result = v.nested("", read);
        if (!v.isEmpty()) {
            List<Violation> out = new ArrayList<>();
            for (Violation violation : v.list()) {
                String p = violation.path();
                out.add(p.endsWith(".$") ? Violation.of(p.substring(0, p.length() - 2), violation.rule()) : violation);
            }
            throw new ValidationException(out);
        }
        return result;
    }

    private static Case toCase(Dto.CaseDto d) {
        Violations v = Violations.at("");
        CaseId id = parse(v, "id", d.id, CaseId::parse);
        String caseNumber = d.caseNumber;
        KleNumber kle = parse(v, "classification", d.classification, KleNumber::parse);
        CaseStatus status = enumValue(v, "status", d.status, CaseStatus.class);
        Caseworker caseworker = v.nested("caseworker", () -> toCaseworker(d.caseworker));
        OrganisationUnit owningUnit = v.nested("owningUnit", () -> required(d.owningUnit, Mapping::toOrganisationUnit));
        Confidentiality confidentiality = enumValue(v, "confidentiality", d.confidentiality, Confidentiality.class);
        List<CaseParty> parties = list(v, "parties", d.parties, p -> {
            Violations pv = Violations.at("");
            PartyRole role = enumValue(pv, "role", p.role, PartyRole.class);
            Party party = pv.nested("party", () -> required(p.party, Mapping::toParty));
            pv.throwIfAny();
            return CaseParty.of(party, role);
        });
        List<JournalEntry> documents = list(v, "documents", d.documents, j -> {
            Violations jv = Violations.at("");
            LocalDate journalDate = parse(jv, "journalDate", j.journalDate, Mapping::date);
            DocumentRole role = enumValue(jv, "role", j.role, DocumentRole.class);
            Document document = jv.nested("document", () -> required(j.document, Mapping::toDocument));
            jv.throwIfAny();
            return build(() -> JournalEntry.of(document, journalDate, role), "journalEntry");
        });
        List<Benefit> benefits = list(v, "benefits", d.benefits, Mapping::toBenefit);
        v.throwIfAny();
        return build(() -> Case.builder().id(id).caseNumber(caseNumber).title(d.title).classification(kle).status(status)
                .statusReason(d.statusReason).caseworker(caseworker).owningUnit(owningUnit).confidentiality(confidentiality)
                .parties(parties).documents(documents).benefits(benefits).build(), "case");
    }

    private static Caseworker toCaseworker(Dto.CaseworkerDto d) {
        if (d == null) {
            throw new ValidationException("$", "is required");
        }
        Violations v = Violations.at("");
        UUID id = parse(v, "id", d.id, s -> CaseId.parse(s).value());
        v.throwIfAny();
        return build(() -> Caseworker.of(id, d.name), "caseworker");
    }

    private static Party toParty(Object d) {
        if (d instanceof Dto.PersonDto p) {
            return toPerson(p);
        }
        if (d instanceof Dto.CompanyDto c) {
            return toCompany(c);
        }
        if (d instanceof Dto.OrganisationUnitDto u) {
            return toOrganisationUnit(u);
        }
        throw new ValidationException("$", "must be a person, company or organisationUnit");
    }

    private static Person toPerson(Dto.PersonDto d) {
        Violations v = Violations.at("");
        PartyId id = parse(v, "id", d.id, PartyId::parse);
        Cpr cpr = parse(v, "cpr", d.cpr, Cpr::parse);
        Address address = d.address == null ? null : v.nested("address", () -> toAddress(d.address));
        ContactDetails contact = toContact(v, d.contact);
        v.throwIfAny();
        return build(() -> Person.builder().id(id).cpr(cpr).name(d.name).address(address)
                .addressProtected(d.addressProtected).contact(contact).build(), "person");
    }

    private static Company toCompany(Dto.CompanyDto d) {
        Violations v = Violations.at("");
        PartyId id = parse(v, "id", d.id, PartyId::parse);
        Cvr cvr = parse(v, "cvr", d.cvr, Cvr::parse);
        PNumber pNumber = d.pNumber == null ? null : parse(v, "pNumber", d.pNumber, PNumber::parse);
        Address address = d.address == null ? null : v.nested("address", () -> toAddress(d.address));
        ContactDetails contact = toContact(v, d.contact);
        v.throwIfAny();
        return build(() -> Company.builder().id(id).cvr(cvr).pNumber(pNumber).name(d.name).address(address)
                .contact(contact).build(), "company");
    }

    private static OrganisationUnit toOrganisationUnit(Dto.OrganisationUnitDto d) {
        Violations v = Violations.at("");
        PartyId id = parse(v, "id", d.id, PartyId::parse);
        ContactDetails contact = toContact(v, d.contact);
        v.throwIfAny();
        return build(() -> new OrganisationUnit(id, d.name, contact), "organisationUnit");
    }

    private static Address toAddress(Dto.AddressDto d) {
        return build(() -> new Address(d.street, d.postalCode, d.city, d.countryCode), "address");
    }

    private static ContactDetails toContact(Violations v, Dto.ContactDto d) {
        if (d == null) {
            return ContactDetails.none();
        }
        return v.nested("contact", () -> build(() -> ContactDetails.of(d.email, d.phone), "contact"));
    }

    private static Document toDocument(Dto.DocumentDto d) {
        Violations v = Violations.at("");
        DocumentId id = parse(v, "id", d.id, DocumentId::parse);
        LocalDate letterDate = parse(v, "letterDate", d.letterDate, Mapping::date);
        DocumentType type = enumValue(v, "type", d.type, DocumentType.class);
        DocumentDirection direction = enumValue(v, "direction", d.direction, DocumentDirection.class);
        List<DocumentVariant> variants = list(v, "variants", d.variants, vd -> {
            Violations vv = Violations.at("");
            VariantKind kind = enumValue(vv, "kind", vd.kind, VariantKind.class);
            List<DocumentPart> parts = list(vv, "parts", vd.parts, pd -> {
                if (pd.size == null) {
                    throw new ValidationException("size", "is required");
                }
                return build(() -> DocumentPart.of(pd.name, pd.mediaType, pd.size, pd.sha256), "part");
            });
            vv.throwIfAny();
            return build(() -> DocumentVariant.of(kind, parts), "variant");
        });
        v.throwIfAny();
        return build(() -> Document.builder().id(id).title(d.title).letterDate(letterDate).type(type).direction(direction)
                .variants(variants).build(), "document");
    }

    private static Benefit toBenefit(Dto.BenefitDto d) {
        Violations v = Violations.at("");
        BenefitId id = parse(v, "id", d.id, BenefitId::parse);
        ClassificationCode type = d.type == null ? null
                : v.nested("type", () -> build(() -> ClassificationCode.of(d.type.scheme, d.type.code), "classification"));
        PartyId recipient = parse(v, "recipient", d.recipient, PartyId::parse);
        DatePeriod period = d.grantPeriod == null ? null : v.nested("grantPeriod", () -> toPeriod(d.grantPeriod));
        BigDecimal amount = parse(v, "amount", d.amount, Mapping::decimal);
        Frequency frequency = enumValue(v, "frequency", d.frequency, Frequency.class);
        BenefitStatus status = enumValue(v, "status", d.status, BenefitStatus.class);
        List<DocumentId> decisions = list(v, "decisionDocuments", d.decisionDocuments,
                s -> build(() -> DocumentId.parse(s), "id"));
        PartyId grantee = d.grantee == null ? null : parse(v, "grantee", d.grantee, PartyId::parse);
        Currency currency = d.currency == null ? Money.DKK : parse(v, "currency", d.currency, Mapping::currency);
        PaymentTiming timing = d.paymentTiming == null ? null
                : enumValue(v, "paymentTiming", d.paymentTiming, PaymentTiming.class);
        List<Payment> payments = currency == null ? List.of()
                : list(v, "payments", d.payments, pd -> toPayment(pd, currency));
        v.throwIfAny();
        return build(() -> Benefit.builder().id(id).type(type).recipient(recipient).grantPeriod(period).amount(amount)
                .frequency(frequency).status(status).decisionDocuments(decisions).legalBasis(d.legalBasis)
                .grantee(grantee).currency(currency).paymentTiming(timing).dispositionDay(d.dispositionDay)
                .payments(payments).build(), "benefit");
    }

    private static Payment toPayment(Dto.PaymentDto d, Currency currency) {
        Violations v = Violations.at("");
        PaymentId id = parse(v, "id", d.id, PaymentId::parse);
        DatePeriod period = d.benefitPeriod == null ? null : v.nested("benefitPeriod", () -> toPeriod(d.benefitPeriod));
        LocalDate dispositionDate = parse(v, "dispositionDate", d.dispositionDate, Mapping::date);
        Money gross = money(v, "gross", d.gross, currency);
        Money afterTax = money(v, "afterTax", d.afterTax, currency);
        Money sent = money(v, "sentForPayment", d.sentForPayment, currency);
        Money paid = d.paid == null ? null : money(v, "paid", d.paid, currency);
        PartyId payee = d.payee == null ? null : parse(v, "payee", d.payee, PartyId::parse);
        v.throwIfAny();
        return build(() -> Payment.builder().id(id).reference(d.reference).benefitPeriod(period)
                .dispositionDate(dispositionDate).gross(gross).afterTax(afterTax).sentForPayment(sent).paid(paid)
                .offsetReason(d.offsetReason).paidReason(d.paidReason).payee(payee).build(), "payment");
    }

    private static Money money(Violations v, String field, String text, Currency currency) {
        return parse(v, field, text, s -> Money.of(decimal(s), currency));
    }

    private static DatePeriod toPeriod(Dto.PeriodDto d) {
        Violations pv = Violations.at("");
        LocalDate from = parse(pv, "from", d.from, Mapping::date);
        LocalDate to = d.to == null ? null : parse(pv, "to", d.to, Mapping::date);
        pv.throwIfAny();
        return build(() -> DatePeriod.of(from, to), "period");
    }

    private static Currency currency(String code) {
        if (code.length() != 3 || !Checks.allInRange(code, 'A', 'Z')) {
            throw new ValidationException("currency", "must be an ISO 4217 code of three capital letters such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "must be an ISO 4217 currency code");
        }
    }

    private static <T> History<T> toHistory(Dto.HistoryDto d, Class<T> valueType) {
        Violations v = Violations.at("");
        List<Registration<T>> registrations = list(v, "registrations", d.registrations, rd -> {
            Violations rv = Violations.at("");
            Instant from = parse(rv, "registeredFrom", rd.registeredFrom, Mapping::instant);
            Instant to = rd.registeredTo == null ? null : parse(rv, "registeredTo", rd.registeredTo, Mapping::instant);
            List<Effect<T>> effects = list(rv, "effects", rd.effects, ed -> {
                Violations ev = Violations.at("");
                Instant validFrom = parse(ev, "validFrom", ed.validFrom, Mapping::instant);
                Instant validTo = ed.validTo == null ? null : parse(ev, "validTo", ed.validTo, Mapping::instant);
                Object value = ev.nested("value", () -> required(ed.value, Mapping::valueFromDto));
                if (value != null && !valueType.isInstance(value)) {
                    ev.add("value", "must be a " + valueType.getSimpleName());
                }
                ev.throwIfAny();
                Validity validity;
                try {
                    validity = Validity.of(validFrom, validTo);
                } catch (ValidationException e) {
                    throw renamed(e, "validity.from", "validFrom", "validity.to", "validTo");
                }
                return Effect.of(validity, valueType.cast(value));
            });
            rv.throwIfAny();
            return build(() -> Registration.of(from, to, rd.actor, rd.note, effects), "registration");
        });
        v.throwIfAny();
        return build(() -> History.of(registrations), "history");
    }

    private static Object valueFromDto(Object d) {
        if (d instanceof Dto.CaseDto c) {
            return toCase(c);
        }
        if (d instanceof Dto.DocumentDto doc) {
            return toDocument(doc);
        }
        if (d instanceof Dto.BenefitDto b) {
            return toBenefit(b);
        }
        return toParty(d);
    }

    // ---------------------------------------------------------------- helpers

    private static <D, T> T required(D dto, Function<D, T> map) {
        if (dto == null) {
            throw new ValidationException("$", "is required");
        }
        return map.apply(dto);
    }

    /** Parses a required scalar; a parse failure is recorded at {@code field} with the parser's rule. */
    private static <T> T parse(Violations v, String field, String text, Function<String, T> parser) {
        if (text == null) {
            v.add(field, "is required");
            return null;
        }
        try {
            return parser.apply(text);
        } catch (ValidationException e) {
            for (Violation violation : e.violations()) {
                v.add(field, violation.rule());
            }
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Violations v, String field, String text, Class<E> type) {
        if (text == null) {
            v.add(field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            v.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** Maps each element; null elements and element violations are recorded with the element's index. */
    private static <D, T> List<T> list(Violations v, String field, List<D> dtos, Function<D, T> map) {
        if (dtos == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(dtos.size());
        for (int i = 0; i < dtos.size(); i++) {
            D dto = dtos.get(i);
            if (dto == null) {
                v.add(field + "[" + i + "]", "must not be null");
                continue;
            }
            // the element's path is built only when it has a violation: this runs for every element read
            T value;
            try {
                value = map.apply(dto);
            } catch (ValidationException e) {
                v.nested(field + "[" + i + "]", () -> {
                    throw e;
                });
                continue;
            }
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Runs a model constructor or builder and strips its root name from the paths of what it throws. */
    private static <T> T build(java.util.function.Supplier<T> construct, String root) {
        try {
            return construct.get();
        } catch (ValidationException e) {
            throw new ValidationException(Checks.relative(e, root));
        }
    }

    private static ValidationException renamed(ValidationException e, String... pairs) {
        List<Violation> out = new ArrayList<>();
        for (Violation violation : e.violations()) {
            String p = violation.path();
            for (int i = 0; i < pairs.length; i += 2) {
                if (p.equals(pairs[i])) {
                    p = pairs[i + 1];
                }
            }
            out.add(Violation.of(p, violation.rule()));
        }
        return new ValidationException(out);
    }

    /** Strict {@code YYYY-MM-DD}, the only form the model writes (years 1 to 9999). */
    private static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && Checks.digits(s, 0, 4)
                && Checks.digits(s, 5, 7) && Checks.digits(s, 8, 10)) {
            try {
                return LocalDate.of(Checks.number(s, 0, 4), Checks.number(s, 5, 7), Checks.number(s, 8, 10));
            } catch (DateTimeException e) {
                throw new ValidationException("date", "must be a real date");
            }
        }
        throw new ValidationException("date", "must be an ISO-8601 date YYYY-MM-DD such as 2026-11-25");
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("instant", "must be an ISO-8601 instant in UTC such as 2026-11-25T10:15:30Z");
        }
    }

    private static BigDecimal decimal(String text) {
        if (!isDecimal(text)) {
            throw new ValidationException("amount", "must be a decimal string such as 1234.50");
        }
        return new BigDecimal(text);
    }

    /** An optional minus, 1 to 20 digits, and optionally a point with 1 to 20 digits. */
    private static boolean isDecimal(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int point = s.indexOf('.');
        int intEnd = point < 0 ? s.length() : point;
        if (intEnd - start < 1 || intEnd - start > 20 || !Checks.digits(s, start, intEnd)) {
            return false;
        }
        return point < 0 || (s.length() - point - 1 >= 1 && s.length() - point - 1 <= 20 && Checks.digits(s, point + 1, s.length()));
    }
}
