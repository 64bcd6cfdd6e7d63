package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.clients.digitalpost.memo.Action;
import dk.rammearkitektur.clients.digitalpost.memo.ActionCode;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalContentData;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.AddressPoint;
import dk.rammearkitektur.clients.digitalpost.memo.AttentionData;
import dk.rammearkitektur.clients.digitalpost.memo.ContactInfo;
import dk.rammearkitektur.clients.digitalpost.memo.ContactPoint;
import dk.rammearkitektur.clients.digitalpost.memo.ContentData;
import dk.rammearkitektur.clients.digitalpost.memo.ForwardData;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.ReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.Reservation;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.memo.TechnicalDocument;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.clients.digitalpost.memo.MemoAddress;

/**
 * The rules a MeMo message must follow before it is sent: the published schemas' lengths, cardinalities, UUID and
 * date types, plus the platform's rules (file names, {@code https://} links, action codes, NemSMS, versions).
 * Collects every violation with its path under {@code message}.
 */
public final class MemoRules {
    /** Most text fields (memoTextType). */
    public static final int TEXT_MAX = 256;
    /** Notification text (memoNotificationType); also the NemSMS text. */
    public static final int NOTIFICATION_MAX = 150;
    /** Comments (memoCommentType). */
    public static final int COMMENT_MAX = 512;
    /** Vehicle registration numbers (memoLicenseNumberType). */
    public static final int LICENSE_MAX = 7;
    /** Contact information per contact point. */
    public static final int CONTACT_INFO_MAX = 2;
    /** Additional content data per message. */
    public static final int ADDITIONAL_CONTENT_MAX = 10;
    /** Additional reply data per reply data. */
    public static final int ADDITIONAL_REPLY_MAX = 4;
    /** Largest production unit number (memoPNumberType). */
    public static final long P_NUMBER_MAX = 9_999_999_999L;
    /** Largest global location number (memoGLNType). */
    public static final long GLN_MAX = 9_999_999_999_999L;
    /** Earliest instant an {@code xs:dateTime} with a four-digit year can hold. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** Latest instant an {@code xs:dateTime} with a four-digit year can hold. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Pattern MIME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2}");
    private static final String RULE_PRESENT = "must be present";

    private final Violations v = Violations.at("message");
    private final MemoVersion version;

    private MemoRules(MemoVersion version) {
        this.version = version;
    }

    /** Checks a whole message; throws one ValidationException listing every violation. */
    public static void check(MemoVersion version, String memoSchVersion, MessageHeader header, MessageBody body) {
        MemoRules r = new MemoRules(version);
        r.message(memoSchVersion, header, body);
        r.v.throwIfAny();
    }

    private void message(String memoSchVersion, MessageHeader header, MessageBody body) {
        v.require(version != null, "version", RULE_PRESENT);
        if (version == MemoVersion.V1_1 && requiredText("memoSchVersion", memoSchVersion, TEXT_MAX)) {
            v.require(memoSchVersion.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r'), "memoSchVersion",
                    "must not contain tabs or line breaks");
        } else if (version == MemoVersion.V1_2) {
            v.require(memoSchVersion == null, "memoSchVersion", "must be absent in MeMo 1.2");
        }
        if (!v.require(header != null, "header", RULE_PRESENT)) {
            if (body != null) {
                body("body", body);
            }
            return;
        }
        header("header", header);
        if (header.messageType() == MessageType.NEMSMS) {
            v.require(body == null, "body", "must be absent for NemSMS: a NemSMS message is a header only, without documents or files");
        } else if (header.messageType() == MessageType.DIGITALPOST) {
            if (v.require(body != null, "body", "must be present for Digital Post")) {
                body("body", body);
            }
        } else if (body != null) {
            body("body", body);
        }
    }

    private void header(String p, MessageHeader h) {
        v.require(h.messageType() != null, p + ".messageType", RULE_PRESENT);
        uuid(p + ".messageUuid", h.messageUuid(), true);
        optionalText(p + ".messageId", h.messageId(), TEXT_MAX);
        optionalText(p + ".messageCode", h.messageCode(), TEXT_MAX);
        requiredText(p + ".label", h.label(), TEXT_MAX);
        if (h.messageType() == MessageType.NEMSMS) {
            requiredText(p + ".notification", h.notification(), NOTIFICATION_MAX);
        } else {
            optionalText(p + ".notification", h.notification(), NOTIFICATION_MAX);
        }
        optionalText(p + ".additionalNotification", h.additionalNotification(), TEXT_MAX);
        instant(p + ".replyByDateTime", h.replyByDateTime(), false);
        date(p + ".doNotDeliverUntilDate", h.doNotDeliverUntilDate());
        if (version == MemoVersion.V1_1) {
            v.require(h.mandatory() != null, p + ".mandatory", "must be present in MeMo 1.1");
            v.require(h.legalNotification() != null, p + ".legalNotification", "must be present in MeMo 1.1");
        }
        optionalText(p + ".postType", h.postType(), TEXT_MAX);
        if (v.require(h.sender() != null, p + ".sender", RULE_PRESENT)) {
            sender(p + ".sender", h.sender());
        }
        if (v.require(h.recipient() != null, p + ".recipient", RULE_PRESENT)) {
            recipient(p + ".recipient", h.recipient());
            if (h.messageType() == MessageType.NEMSMS) {
                v.require(Recipient.ID_TYPE_CPR.equals(h.recipient().idType()), p + ".recipient.idType",
                        "must be CPR for NemSMS");
            }
        }
        if (h.contentData() != null) {
            contentData(p + ".contentData", h.contentData());
        }
        if (h.forwardData() != null) {
            forwardData(p + ".forwardData", h.forwardData());
        }
        List<ReplyData> replies = h.replyData();
        for (int i = 0; i < replies.size(); i++) {
            String rp = p + ".replyData[" + i + "]";
            if (v.require(replies.get(i) != null, rp, RULE_PRESENT)) {
                replyData(rp, replies.get(i));
            }
        }
    }

    private void sender(String p, Sender s) {
        requiredText(p + ".senderId", s.senderId(), TEXT_MAX);
        requiredText(p + ".idType", s.idType(), TEXT_MAX);
        optionalText(p + ".idTypeLabel", s.idTypeLabel(), TEXT_MAX);
        requiredText(p + ".label", s.label(), TEXT_MAX);
        idDigits(p + ".senderId", s.idType(), s.senderId());
        if (s.attentionData() != null) {
            attentionData(p + ".attentionData", s.attentionData());
        }
        if (s.contactPoint() != null) {
            contactPoint(p + ".contactPoint", s.contactPoint());
        }
        if (s.representative() != null) {
            String rp = p + ".representative";
            if (v.require(version != MemoVersion.V1_1, rp, "is only allowed in MeMo 1.2")) {
                optionalText(rp + ".representativeId", s.representative().representativeId(), TEXT_MAX);
                optionalText(rp + ".idType", s.representative().idType(), TEXT_MAX);
                optionalText(rp + ".idTypeLabel", s.representative().idTypeLabel(), TEXT_MAX);
                optionalText(rp + ".label", s.representative().label(), TEXT_MAX);
            }
        }
    }

    private void recipient(String p, Recipient r) {
        requiredText(p + ".recipientId", r.recipientId(), TEXT_MAX);
        if (requiredText(p + ".idType", r.idType(), TEXT_MAX)) {
            v.require(Recipient.ID_TYPE_CPR.equals(r.idType()) || Recipient.ID_TYPE_CVR.equals(r.idType()),
                    p + ".idType", "must be CPR or CVR");
        }
        optionalText(p + ".idTypeLabel", r.idTypeLabel(), TEXT_MAX);
        optionalText(p + ".label", r.label(), TEXT_MAX);
        idDigits(p + ".recipientId", r.idType(), r.recipientId());
        if (r.attentionData() != null) {
            attentionData(p + ".attentionData", r.attentionData());
        }
        if (r.contactPoint() != null) {
            contactPoint(p + ".contactPoint", r.contactPoint());
        }
    }

    private void idDigits(String p, String idType, String id) {
        if (id == null) {
            return;
        }
        if (Recipient.ID_TYPE_CPR.equals(idType)) {
            v.require(digits(id, 10), p, "must be a CPR number of 10 digits");
        } else if (Recipient.ID_TYPE_CVR.equals(idType)) {
            v.require(digits(id, 8), p, "must be a CVR number of 8 digits");
        }
    }

    private void attentionData(String p, AttentionData a) {
        if (a.attentionPerson() != null) {
            optionalText(p + ".attentionPerson.personId", a.attentionPerson().personId(), TEXT_MAX);
            optionalText(p + ".attentionPerson.label", a.attentionPerson().label(), TEXT_MAX);
        }
        if (a.productionUnit() != null) {
            productionUnit(p + ".productionUnit", a.productionUnit().productionUnitNumber(),
                    a.productionUnit().productionUnitName());
        }
        if (a.globalLocationNumber() != null) {
            long n = a.globalLocationNumber().globalLocationNumber();
            v.require(n >= 0 && n <= GLN_MAX, p + ".globalLocationNumber.globalLocationNumber",
                    "must be between 0 and " + GLN_MAX);
            optionalText(p + ".globalLocationNumber.location", a.globalLocationNumber().location(), TEXT_MAX);
        }
        if (a.email() != null) {
            requiredText(p + ".email.emailAddress", a.email().emailAddress(), TEXT_MAX);
            optionalText(p + ".email.relatedAgent", a.email().relatedAgent(), TEXT_MAX);
        }
        if (a.seNumber() != null) {
            requiredText(p + ".seNumber.seNumber", a.seNumber().seNumber(), TEXT_MAX);
            optionalText(p + ".seNumber.companyName", a.seNumber().companyName(), TEXT_MAX);
        }
        if (a.telephone() != null) {
            requiredText(p + ".telephone.telephoneNumber", a.telephone().telephoneNumber(), TEXT_MAX);
            optionalText(p + ".telephone.relatedAgent", a.telephone().relatedAgent(), TEXT_MAX);
        }
        if (a.eid() != null) {
            requiredText(p + ".eid.eid", a.eid().eid(), TEXT_MAX);
            optionalText(p + ".eid.label", a.eid().label(), TEXT_MAX);
        }
        if (a.contentResponsible() != null) {
            optionalText(p + ".contentResponsible.contentResponsibleId", a.contentResponsible().contentResponsibleId(), TEXT_MAX);
            optionalText(p + ".contentResponsible.label", a.contentResponsible().label(), TEXT_MAX);
        }
        if (a.generatingSystem() != null) {
            requiredText(p + ".generatingSystem.generatingSystemId", a.generatingSystem().generatingSystemId(), TEXT_MAX);
            optionalText(p + ".generatingSystem.label", a.generatingSystem().label(), TEXT_MAX);
        }
        if (a.sorData() != null) {
            requiredText(p + ".sorData.sorIdentifier", a.sorData().sorIdentifier(), TEXT_MAX);
            optionalText(p + ".sorData.entryName", a.sorData().entryName(), TEXT_MAX);
        }
        if (a.address() != null) {
            address(p + ".address", a.address());
        }
        unstructuredAddress(p + ".unstructuredAddress", a.unstructuredAddress());
    }

    private void productionUnit(String p, long number, String name) {
        v.require(number >= 0 && number <= P_NUMBER_MAX, p + ".productionUnitNumber", "must be between 0 and " + P_NUMBER_MAX);
        optionalText(p + ".productionUnitName", name, TEXT_MAX);
    }

    private void unstructuredAddress(String p, String value) {
        if (value != null) {
            requiredText(p, value, TEXT_MAX);
        }
    }

    private void address(String p, MemoAddress a) {
        optionalText(p + ".id", a.id(), TEXT_MAX);
        optionalText(p + ".addressLabel", a.addressLabel(), TEXT_MAX);
        optionalText(p + ".houseNumber", a.houseNumber(), TEXT_MAX);
        optionalText(p + ".door", a.door(), TEXT_MAX);
        optionalText(p + ".floor", a.floor(), TEXT_MAX);
        optionalText(p + ".co", a.co(), TEXT_MAX);
        optionalText(p + ".zipCode", a.zipCode(), TEXT_MAX);
        optionalText(p + ".city", a.city(), TEXT_MAX);
        optionalText(p + ".country", a.country(), TEXT_MAX);
        AddressPoint ap = a.addressPoint();
        if (ap != null) {
            optionalText(p + ".addressPoint.geographicEastingMeasure", ap.geographicEastingMeasure(), TEXT_MAX);
            optionalText(p + ".addressPoint.geographicNorthingMeasure", ap.geographicNorthingMeasure(), TEXT_MAX);
            optionalText(p + ".addressPoint.geographicHeightMeasure", ap.geographicHeightMeasure(), TEXT_MAX);
        }
    }

    private void contactPoint(String p, ContactPoint c) {
        optionalText(p + ".contactGroup", c.contactGroup(), TEXT_MAX);
        requiredText(p + ".contactPointId", c.contactPointId(), TEXT_MAX);
        optionalText(p + ".label", c.label(), TEXT_MAX);
        List<ContactInfo> infos = c.contactInfo();
        v.require(infos.size() <= CONTACT_INFO_MAX, p + ".contactInfo", "must have at most " + CONTACT_INFO_MAX + " entries");
        for (int i = 0; i < infos.size(); i++) {
            String ip = p + ".contactInfo[" + i + "]";
            ContactInfo info = infos.get(i);
            if (v.require(info != null, ip, RULE_PRESENT)) {
                requiredText(ip + ".label", info.label(), TEXT_MAX);
                requiredText(ip + ".value", info.value(), TEXT_MAX);
            }
        }
    }

    private void contentData(String p, ContentData c) {
        if (c.cprData() != null) {
            if (requiredText(p + ".cprData.cprNumber", c.cprData().cprNumber(), TEXT_MAX)) {
                v.require(digits(c.cprData().cprNumber(), 10), p + ".cprData.cprNumber", "must be a CPR number of 10 digits");
            }
            optionalText(p + ".cprData.name", c.cprData().name(), TEXT_MAX);
        }
        if (c.cvrData() != null) {
            if (requiredText(p + ".cvrData.cvrNumber", c.cvrData().cvrNumber(), TEXT_MAX)) {
                v.require(digits(c.cvrData().cvrNumber(), 8), p + ".cvrData.cvrNumber", "must be a CVR number of 8 digits");
            }
            optionalText(p + ".cvrData.companyName", c.cvrData().companyName(), TEXT_MAX);
        }
        if (c.motorVehicle() != null) {
            requiredText(p + ".motorVehicle.licenseNumber", c.motorVehicle().licenseNumber(), LICENSE_MAX);
            optionalText(p + ".motorVehicle.chassisNumber", c.motorVehicle().chassisNumber(), TEXT_MAX);
        }
        if (c.propertyNumber() != null) {
            requiredText(p + ".propertyNumber", c.propertyNumber(), TEXT_MAX);
        }
        if (c.caseId() != null) {
            requiredText(p + ".caseId.caseId", c.caseId().caseId(), TEXT_MAX);
            requiredText(p + ".caseId.caseSystem", c.caseId().caseSystem(), TEXT_MAX);
        }
        if (c.kleData() != null) {
            requiredText(p + ".kleData.subjectKey", c.kleData().subjectKey(), TEXT_MAX);
            requiredText(p + ".kleData.version", c.kleData().version(), TEXT_MAX);
            optionalText(p + ".kleData.activityFacet", c.kleData().activityFacet(), TEXT_MAX);
            requiredText(p + ".kleData.label", c.kleData().label(), TEXT_MAX);
        }
        if (c.formData() != null) {
            requiredText(p + ".formData.taskKey", c.formData().taskKey(), TEXT_MAX);
            requiredText(p + ".formData.version", c.formData().version(), TEXT_MAX);
            optionalText(p + ".formData.activityFacet", c.formData().activityFacet(), TEXT_MAX);
            requiredText(p + ".formData.label", c.formData().label(), TEXT_MAX);
        }
        if (c.productionUnit() != null) {
            productionUnit(p + ".productionUnit", c.productionUnit().productionUnitNumber(),
                    c.productionUnit().productionUnitName());
        }
        if (c.education() != null) {
            requiredText(p + ".education.educationCode", c.education().educationCode(), TEXT_MAX);
            optionalText(p + ".education.educationName", c.education().educationName(), TEXT_MAX);
        }
        if (c.address() != null) {
            address(p + ".address", c.address());
        }
        unstructuredAddress(p + ".unstructuredAddress", c.unstructuredAddress());
        List<AdditionalContentData> extra = c.additionalContentData();
        v.require(extra.size() <= ADDITIONAL_CONTENT_MAX, p + ".additionalContentData",
                "must have at most " + ADDITIONAL_CONTENT_MAX + " entries");
        for (int i = 0; i < extra.size(); i++) {
            String ep = p + ".additionalContentData[" + i + "]";
            AdditionalContentData e = extra.get(i);
            if (v.require(e != null, ep, RULE_PRESENT)) {
                optionalText(ep + ".contentDataType", e.contentDataType(), TEXT_MAX);
                requiredText(ep + ".contentDataName", e.contentDataName(), TEXT_MAX);
                requiredText(ep + ".contentDataValue", e.contentDataValue(), TEXT_MAX);
            }
        }
    }

    private void forwardData(String p, ForwardData f) {
        uuid(p + ".messageUuid", f.messageUuid(), true);
        instant(p + ".originalMessageDateTime", f.originalMessageDateTime(), true);
        requiredText(p + ".originalSender", f.originalSender(), TEXT_MAX);
        optionalText(p + ".originalContentResponsible", f.originalContentResponsible(), TEXT_MAX);
        if (f.originalRepresentative() != null
                && v.require(version != MemoVersion.V1_1, p + ".originalRepresentative", "is only allowed in MeMo 1.2")) {
            optionalText(p + ".originalRepresentative", f.originalRepresentative(), TEXT_MAX);
        }
        optionalText(p + ".contactPointId", f.contactPointId(), TEXT_MAX);
        optionalText(p + ".comment", f.comment(), COMMENT_MAX);
    }

    private void replyData(String p, ReplyData r) {
        optionalText(p + ".messageId", r.messageId(), TEXT_MAX);
        uuid(p + ".messageUuid", r.messageUuid(), true);
        uuid(p + ".replyUuid", r.replyUuid(), false);
        optionalText(p + ".senderId", r.senderId(), TEXT_MAX);
        optionalText(p + ".recipientId", r.recipientId(), TEXT_MAX);
        optionalText(p + ".caseId", r.caseId(), TEXT_MAX);
        optionalText(p + ".contactPointId", r.contactPointId(), TEXT_MAX);
        optionalText(p + ".generatingSystemId", r.generatingSystemId(), TEXT_MAX);
        optionalText(p + ".comment", r.comment(), COMMENT_MAX);
        List<AdditionalReplyData> extra = r.additionalReplyData();
        v.require(extra.size() <= ADDITIONAL_REPLY_MAX, p + ".additionalReplyData",
                "must have at most " + ADDITIONAL_REPLY_MAX + " entries");
        for (int i = 0; i < extra.size(); i++) {
            String ep = p + ".additionalReplyData[" + i + "]";
            AdditionalReplyData e = extra.get(i);
            if (v.require(e != null, ep, RULE_PRESENT)) {
                requiredText(ep + ".label", e.label(), TEXT_MAX);
                requiredText(ep + ".value", e.value(), TEXT_MAX);
            }
        }
    }

    private void body(String p, MessageBody b) {
        instant(p + ".createdDateTime", b.createdDateTime(), true);
        MainDocument main = b.mainDocument();
        if (v.require(main != null, p + ".mainDocument", "must be present: a message body has exactly one main document")) {
            document(p + ".mainDocument", "mainDocumentId", main.mainDocumentId(), main.label(), main.files(), main.actions());
        }
        List<AdditionalDocument> additional = b.additionalDocuments();
        for (int i = 0; i < additional.size(); i++) {
            String dp = p + ".additionalDocuments[" + i + "]";
            AdditionalDocument d = additional.get(i);
            if (v.require(d != null, dp, RULE_PRESENT)) {
                document(dp, "additionalDocumentId", d.additionalDocumentId(), d.label(), d.files(), d.actions());
            }
        }
        List<TechnicalDocument> technical = b.technicalDocuments();
        for (int i = 0; i < technical.size(); i++) {
            String dp = p + ".technicalDocuments[" + i + "]";
            TechnicalDocument d = technical.get(i);
            if (v.require(d != null, dp, RULE_PRESENT)) {
                document(dp, "technicalDocumentId", d.technicalDocumentId(), d.label(), d.files(), List.of());
            }
        }
    }

    private void document(String p, String idField, String id, String label, List<MemoFile> files, List<Action> actions) {
        optionalText(p + "." + idField, id, TEXT_MAX);
        optionalText(p + ".label", label, TEXT_MAX);
        v.require(!files.isEmpty(), p + ".files", "must have at least one file");
        for (int i = 0; i < files.size(); i++) {
            String fp = p + ".files[" + i + "]";
            if (v.require(files.get(i) != null, fp, RULE_PRESENT)) {
                file(fp, files.get(i));
            }
        }
        for (int i = 0; i < actions.size(); i++) {
            String ap = p + ".actions[" + i + "]";
            if (v.require(actions.get(i) != null, ap, RULE_PRESENT)) {
                action(ap, actions.get(i));
            }
        }
    }

    private void file(String p, MemoFile f) {
        if (requiredText(p + ".encodingFormat", f.encodingFormat(), TEXT_MAX)) {
            v.require(MIME.matcher(f.encodingFormat()).matches(), p + ".encodingFormat",
                    "must be a MIME type such as application/pdf");
        }
        if (requiredText(p + ".filename", f.filename(), TEXT_MAX)) {
            v.require(!Filenames.hasForbidden(f.filename()), p + ".filename",
                    "must not contain < > : \" / \\ | ? *, line breaks or special spaces (U+00A0, U+2000-U+200A, U+2028, U+205F, U+2060, U+3000)");
        }
        if (v.require(f.language() != null, p + ".language", RULE_PRESENT)) {
            v.require(LANGUAGE.matcher(f.language()).matches(), p + ".language", "must be a two-letter language code such as da");
        }
        v.require(f.content() != null, p + ".content", RULE_PRESENT);
    }

    private void action(String p, Action a) {
        requiredText(p + ".label", a.label(), TEXT_MAX);
        v.require(a.actionCode() != null, p + ".actionCode", RULE_PRESENT);
        boolean start = instant(p + ".startDateTime", a.startDateTime(), false);
        boolean end = instant(p + ".endDateTime", a.endDateTime(), false);
        if (start && end && a.startDateTime() != null && a.endDateTime() != null) {
            v.require(!a.endDateTime().isBefore(a.startDateTime()), p + ".endDateTime", "must not be before startDateTime");
        }
        v.require(a.reservation() == null || a.entryPoint() == null, p, "must have either a reservation or an entryPoint, not both");
        if (a.reservation() != null) {
            v.require(a.actionCode() == null || a.actionCode() == ActionCode.AFTALE, p + ".reservation",
                    "is only allowed with actionCode AFTALE");
            reservation(p + ".reservation", a.reservation());
        }
        if (a.entryPoint() != null) {
            httpsUri(p + ".entryPoint", a.entryPoint());
        }
    }

    private void reservation(String p, Reservation r) {
        requiredText(p + ".description", r.description(), TEXT_MAX);
        uuid(p + ".reservationUuid", r.reservationUuid(), true);
        requiredText(p + ".abstractText", r.abstractText(), TEXT_MAX);
        requiredText(p + ".location", r.location(), TEXT_MAX);
        boolean start = instant(p + ".startDateTime", r.startDateTime(), true);
        boolean end = instant(p + ".endDateTime", r.endDateTime(), true);
        if (start && end) {
            v.require(!r.endDateTime().isBefore(r.startDateTime()), p + ".endDateTime", "must not be before startDateTime");
        }
        optionalText(p + ".organizerMail", r.organizerMail(), TEXT_MAX);
        optionalText(p + ".organizerName", r.organizerName(), TEXT_MAX);
    }

    private void httpsUri(String p, URI uri) {
        String s = uri.toString();
        v.require(s.length() <= TEXT_MAX, p, "must be at most " + TEXT_MAX + " characters");
        v.require(uri.isAbsolute() && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && s.regionMatches(true, 0, "https://", 0, 8), p, "must be an absolute https:// link");
        v.require(Texts.isXmlSafe(s), p, "must contain only characters allowed in XML");
    }

    /** Checks a required text; returns true when it is present and well-formed. */
    private boolean requiredText(String p, String value, int max) {
        if (value == null) {
            v.add(p, RULE_PRESENT);
            return false;
        }
        if (value.isBlank()) {
            v.add(p, "must not be blank");
            return false;
        }
        return text(p, value, max);
    }

    private void optionalText(String p, String value, int max) {
        if (value != null) {
            text(p, value, max);
        }
    }

    private boolean text(String p, String value, int max) {
        boolean ok = v.require(value.length() <= max, p, "must be at most " + max + " characters (UTF-16 code units)");
        return v.require(Texts.isXmlSafe(value), p, "must contain only characters allowed in XML") && ok;
    }

    private void uuid(String p, UUID value, boolean required) {
        if (value == null) {
            v.require(!required, p, RULE_PRESENT);
            return;
        }
        v.require(value.version() == 4 && value.variant() == 2, p, "must be a version 4 (random) UUID");
    }

    /** Checks an instant; returns true when it is present and in range. */
    private boolean instant(String p, Instant value, boolean required) {
        if (value == null) {
            v.require(!required, p, RULE_PRESENT);
            return false;
        }
        return v.require(!value.isBefore(MIN_INSTANT) && !value.isAfter(MAX_INSTANT), p,
                "must be a UTC date-time between year 1 and 9999");
    }

    private void date(String p, LocalDate value) {
        if (value != null) {
            v.require(value.getYear() >= 1 && value.getYear() <= 9999, p, "must be a date between year 1 and 9999");
        }
    }

    private static boolean digits(String s, int count) {
        if (s.length() != count) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
