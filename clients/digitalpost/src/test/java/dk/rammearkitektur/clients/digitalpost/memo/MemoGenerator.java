package dk.rammearkitektur.clients.digitalpost.memo;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates random MeMo messages for the property tests, optionally with exactly one planted {@link Fault}. Text
 * mixes ASCII, Danish letters, XML markup characters, tabs, line breaks, carriage returns and characters outside the
 * Basic Multilingual Plane; lengths are biased towards the limits.
 */
public final class MemoGenerator {
    /** One broken rule and the field path the violation must name. */
    enum Fault {
        NONE(null),
        LABEL_BLANK("message.header.label"),
        LABEL_TOO_LONG("message.header.label"),
        LABEL_CONTROL_CHARACTER("message.header.label"),
        LABEL_LONE_SURROGATE("message.header.label"),
        NOTIFICATION_TOO_LONG("message.header.notification"),
        MESSAGE_UUID_NOT_V4("message.header.messageUuid"),
        MESSAGE_UUID_MISSING("message.header.messageUuid"),
        SENDER_MISSING("message.header.sender"),
        SENDER_LABEL_MISSING("message.header.sender.label"),
        RECIPIENT_CPR_TOO_SHORT("message.header.recipient.recipientId"),
        RECIPIENT_ID_TYPE_UNKNOWN("message.header.recipient.idType"),
        CONTACT_INFO_THREE("message.header.sender.contactPoint.contactInfo"),
        ADDITIONAL_CONTENT_ELEVEN("message.header.contentData.additionalContentData"),
        CONTENT_CPR_LETTERS("message.header.contentData.cprData.cprNumber"),
        LICENSE_TOO_LONG("message.header.contentData.motorVehicle.licenseNumber"),
        P_NUMBER_NEGATIVE("message.header.contentData.productionUnit.productionUnitNumber"),
        GLN_TOO_LARGE("message.header.sender.attentionData.globalLocationNumber.globalLocationNumber"),
        ADDITIONAL_REPLY_FIVE("message.header.replyData[0].additionalReplyData"),
        REPLY_UUID_NOT_V4("message.header.replyData[0].replyUuid"),
        FORWARD_COMMENT_TOO_LONG("message.header.forwardData.comment"),
        FORWARD_DATE_MISSING("message.header.forwardData.originalMessageDateTime"),
        DATE_AFTER_YEAR_9999("message.header.replyByDateTime"),
        NEMSMS_WITH_BODY("message.body"),
        NEMSMS_WITHOUT_NOTIFICATION("message.header.notification"),
        NEMSMS_TO_CVR("message.header.recipient.idType"),
        DIGITALPOST_WITHOUT_BODY("message.body"),
        V11_WITHOUT_MANDATORY("message.header.mandatory"),
        V11_WITHOUT_LEGAL_NOTIFICATION("message.header.legalNotification"),
        V11_WITH_REPRESENTATIVE("message.header.sender.representative"),
        V11_WITH_ORIGINAL_REPRESENTATIVE("message.header.forwardData.originalRepresentative"),
        V11_WITHOUT_SCHEMA_VERSION("message.memoSchVersion"),
        V12_WITH_SCHEMA_VERSION("message.memoSchVersion"),
        NO_MAIN_DOCUMENT("message.body.mainDocument"),
        MAIN_DOCUMENT_WITHOUT_FILES("message.body.mainDocument.files"),
        FILENAME_FORBIDDEN_CHARACTER("message.body.mainDocument.files[0].filename"),
        FILENAME_TOO_LONG("message.body.mainDocument.files[0].filename"),
        LANGUAGE_THREE_LETTERS("message.body.mainDocument.files[0].language"),
        ENCODING_FORMAT_NOT_MIME("message.body.mainDocument.files[0].encodingFormat"),
        CONTENT_MISSING("message.body.mainDocument.files[0].content"),
        ATTACHMENT_WITHOUT_FILES("message.body.additionalDocuments[0].files"),
        TECHNICAL_FILENAME_WITH_NEWLINE("message.body.technicalDocuments[0].files[0].filename"),
        ENTRY_POINT_HTTP("message.body.mainDocument.actions[0].entryPoint"),
        ENTRY_POINT_RELATIVE("message.body.mainDocument.actions[0].entryPoint"),
        ACTION_CODE_MISSING("message.body.mainDocument.actions[0].actionCode"),
        ACTION_ENDS_BEFORE_START("message.body.mainDocument.actions[0].endDateTime"),
        RESERVATION_WITHOUT_AFTALE("message.body.mainDocument.actions[0].reservation"),
        RESERVATION_UUID_NOT_V4("message.body.mainDocument.actions[0].reservation.reservationUuid"),
        CREATED_MISSING("message.body.createdDateTime");

        final String path;

        Fault(String path) {
            this.path = path;
        }

        boolean appliesTo(MemoVersion version, MessageType type) {
            String n = name();
            if (n.startsWith("V11_") && version != MemoVersion.V1_1) {
                return false;
            }
            if (n.startsWith("V12_") && version != MemoVersion.V1_2) {
                return false;
            }
            if (n.startsWith("NEMSMS_") && type != MessageType.NEMSMS) {
                return false;
            }
            return !BODY_FAULTS.contains(this) || type == MessageType.DIGITALPOST;
        }
    }

    private static final Set<Fault> BODY_FAULTS = EnumSet.of(Fault.DIGITALPOST_WITHOUT_BODY, Fault.NO_MAIN_DOCUMENT,
            Fault.MAIN_DOCUMENT_WITHOUT_FILES, Fault.FILENAME_FORBIDDEN_CHARACTER, Fault.FILENAME_TOO_LONG,
            Fault.LANGUAGE_THREE_LETTERS, Fault.ENCODING_FORMAT_NOT_MIME, Fault.CONTENT_MISSING,
            Fault.ATTACHMENT_WITHOUT_FILES, Fault.TECHNICAL_FILENAME_WITH_NEWLINE, Fault.ENTRY_POINT_HTTP,
            Fault.ENTRY_POINT_RELATIVE, Fault.ACTION_CODE_MISSING, Fault.ACTION_ENDS_BEFORE_START,
            Fault.RESERVATION_WITHOUT_AFTALE, Fault.RESERVATION_UUID_NOT_V4, Fault.CREATED_MISSING);

    private static final int[] TEXT_CODE_POINTS = buildTextCodePoints();
    private static final int[] FILENAME_CODE_POINTS = buildFilenameCodePoints();
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final Random rnd;
    private final MemoVersion version;
    private final MessageType type;
    private final Fault fault;

    MemoGenerator(long seed, MemoVersion version, MessageType type, Fault fault) {
        this.rnd = new Random(seed);
        this.version = version;
        this.type = type;
        this.fault = fault;
    }

    private static int[] buildTextCodePoints() {
        List<Integer> cps = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            cps.add((int) c);
            cps.add((int) Character.toUpperCase(c));
        }
        for (char c = '0'; c <= '9'; c++) {
            cps.add((int) c);
        }
        for (int c : new int[] {' ', ' ', '.', ',', '-', '_', '\'', '"', '<', '>', '&', ';', '#', '/', ':', '?', '*', '\t', '\n', '\r',
            'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'é', 0x00A0, 0x2028, 0x20AC, 0xFFFD, 0x1F600, 0x10400, ']', '=', '%'}) {
            cps.add(c);
        }
        return cps.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] buildFilenameCodePoints() {
        return java.util.Arrays.stream(TEXT_CODE_POINTS)
                .filter(cp -> !dk.rammearkitektur.clients.digitalpost.memo.internal.Filenames.isForbidden(cp))
                .toArray();
    }

    // ---- primitives ----

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private int length(int max) {
        int r = rnd.nextInt(10);
        if (r == 0) {
            return max;
        }
        if (r == 1) {
            return 0;
        }
        return rnd.nextInt(Math.min(max, 24) + 1);
    }

    /** A string of exactly {@code length} UTF-16 code units, as the schema validator counts them. */
    private String string(int[] alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int cp = alphabet[rnd.nextInt(alphabet.length)];
            if (sb.length() + Character.charCount(cp) <= length) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Optional text: null, empty or any text up to {@code max} UTF-16 code units. */
    private String optional(int max) {
        return chance(35) ? null : string(TEXT_CODE_POINTS, length(max));
    }

    /** Required text: starts with a letter, so it is never blank. */
    private String required(int max) {
        return (char) ('A' + rnd.nextInt(26)) + string(TEXT_CODE_POINTS, Math.max(0, length(max) - 1));
    }

    private String digits(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }

    private UUID uuid4() {
        return new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private Instant instant() {
        if (chance(10)) {
            return chance(50) ? MIN : MAX;
        }
        long seconds = MIN.getEpochSecond() + (long) (rnd.nextDouble() * (MAX.getEpochSecond() - MIN.getEpochSecond()));
        int nanos = chance(50) ? 0 : chance(50) ? rnd.nextInt(1000) * 1_000_000 : rnd.nextInt(1_000_000_000);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private Instant optionalInstant() {
        return chance(40) ? null : instant();
    }

    private Boolean optionalBoolean() {
        return chance(40) ? null : rnd.nextBoolean();
    }

    // ---- message ----

    MemoMessage message() {
        String sch = version == MemoVersion.V1_1 ? (chance(80) ? "1.1.0" : "1.1." + digits(1 + rnd.nextInt(3))) : null;
        if (fault == Fault.V11_WITHOUT_SCHEMA_VERSION) {
            sch = null;
        }
        if (fault == Fault.V12_WITH_SCHEMA_VERSION) {
            sch = "1.2.0";
        }
        MessageBody body = null;
        if ((type == MessageType.DIGITALPOST && fault != Fault.DIGITALPOST_WITHOUT_BODY) || fault == Fault.NEMSMS_WITH_BODY) {
            body = body();
        }
        return new MemoMessage(version, sch, header(), body);
    }

    private MessageHeader header() {
        MessageHeader.Builder b = MessageHeader.builder(type).messageUuid(uuid4());
        switch (fault) {
            case MESSAGE_UUID_NOT_V4 -> b.messageUuid(UUID.nameUUIDFromBytes(new byte[] {1}));
            case MESSAGE_UUID_MISSING -> b.messageUuid(null);
            default -> {
            }
        }
        b.messageId(optional(256)).messageCode(optional(256));
        String label = required(256);
        switch (fault) {
            case LABEL_BLANK -> label = " \t ";
            case LABEL_TOO_LONG -> label = "x".repeat(257);
            case LABEL_CONTROL_CHARACTER -> label = "Brev\u0001";
            case LABEL_LONE_SURROGATE -> label = "Brev\uD800";
            default -> {
            }
        }
        b.label(label);
        String notification = type == MessageType.NEMSMS ? required(150) : optional(150);
        if (fault == Fault.NOTIFICATION_TOO_LONG) {
            notification = "y".repeat(151);
        } else if (fault == Fault.NEMSMS_WITHOUT_NOTIFICATION) {
            notification = chance(50) ? null : "   ";
        }
        b.notification(notification).additionalNotification(optional(256)).reply(optionalBoolean());
        b.replyByDateTime(fault == Fault.DATE_AFTER_YEAR_9999 ? MAX.plusNanos(1) : optionalInstant());
        b.doNotDeliverUntilDate(chance(50) ? null : LocalDate.ofEpochDay(rnd.nextInt(2_900_000) - 700_000));
        Boolean mandatory = version == MemoVersion.V1_1 ? Boolean.valueOf(rnd.nextBoolean()) : optionalBoolean();
        Boolean legal = version == MemoVersion.V1_1 ? Boolean.valueOf(rnd.nextBoolean()) : optionalBoolean();
        b.mandatory(fault == Fault.V11_WITHOUT_MANDATORY ? null : mandatory);
        b.legalNotification(fault == Fault.V11_WITHOUT_LEGAL_NOTIFICATION ? null : legal);
        b.postType(chance(50) ? null : chance(50) ? "MYNDIGHEDSPOST" : optional(256));
        b.sender(fault == Fault.SENDER_MISSING ? null : sender());
        b.recipient(recipient());
        if (chance(60) || contentFault()) {
            b.contentData(contentData());
        }
        if (chance(40) || fault.name().startsWith("FORWARD_") || fault == Fault.V11_WITH_ORIGINAL_REPRESENTATIVE) {
            b.forwardData(forwardData());
        }
        int replies = fault == Fault.ADDITIONAL_REPLY_FIVE || fault == Fault.REPLY_UUID_NOT_V4 ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
        for (int i = 0; i < replies; i++) {
            b.addReplyData(replyData(i == 0));
        }
        return b.build();
    }

    private boolean contentFault() {
        return fault == Fault.ADDITIONAL_CONTENT_ELEVEN || fault == Fault.CONTENT_CPR_LETTERS
                || fault == Fault.LICENSE_TOO_LONG || fault == Fault.P_NUMBER_NEGATIVE;
    }

    private Sender sender() {
        boolean cvr = chance(80);
        Sender.Builder b = Sender.builder().senderId(cvr ? digits(8) : required(256)).idType(cvr ? "CVR" : required(256))
                .idTypeLabel(optional(256)).label(fault == Fault.SENDER_LABEL_MISSING ? null : required(256));
        if (chance(50) || fault == Fault.GLN_TOO_LARGE) {
            b.attentionData(attentionData());
        }
        if (chance(50) || fault == Fault.CONTACT_INFO_THREE) {
            b.contactPoint(contactPoint(fault == Fault.CONTACT_INFO_THREE ? 3 : rnd.nextInt(3)));
        }
        if ((version == MemoVersion.V1_2 && chance(50)) || fault == Fault.V11_WITH_REPRESENTATIVE) {
            b.representative(Representative.of(optional(256), optional(256), optional(256), optional(256)));
        }
        return b.build();
    }

    private Recipient recipient() {
        boolean cpr = type == MessageType.NEMSMS || chance(70);
        Recipient.Builder b = cpr ? Recipient.cpr(digits(10)) : Recipient.cvr(digits(8));
        if (fault == Fault.RECIPIENT_CPR_TOO_SHORT) {
            b = Recipient.cpr(digits(9));
        } else if (fault == Fault.RECIPIENT_ID_TYPE_UNKNOWN) {
            b.idType("PNR");
        } else if (fault == Fault.NEMSMS_TO_CVR) {
            b = Recipient.cvr(digits(8));
        }
        b.idTypeLabel(optional(256)).label(optional(256));
        if (chance(40)) {
            b.attentionData(attentionData());
        }
        if (chance(40)) {
            b.contactPoint(contactPoint(rnd.nextInt(3)));
        }
        return b.build();
    }

    private AttentionData attentionData() {
        AttentionData.Builder b = AttentionData.builder();
        if (chance(50)) {
            b.attentionPerson(AttentionPerson.of(optional(256), optional(256)));
        }
        if (chance(50)) {
            b.productionUnit(ProductionUnit.of((long) (rnd.nextDouble() * 9_999_999_999L), optional(256)));
        }
        if (chance(50) || fault == Fault.GLN_TOO_LARGE) {
            long gln = fault == Fault.GLN_TOO_LARGE ? 10_000_000_000_000L : (chance(10) ? 9_999_999_999_999L : rnd.nextInt(Integer.MAX_VALUE));
            b.globalLocationNumber(GlobalLocationNumber.of(gln, optional(256)));
        }
        if (chance(50)) {
            b.email(Email.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.seNumber(SeNumber.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.telephone(Telephone.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.eid(Eid.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.contentResponsible(ContentResponsible.of(optional(256), optional(256)));
        }
        if (chance(50)) {
            b.generatingSystem(GeneratingSystem.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.sorData(SorData.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.address(address());
        }
        if (chance(50)) {
            b.unstructuredAddress(required(256));
        }
        return b.build();
    }

    private MemoAddress address() {
        return MemoAddress.builder().id(optional(256)).addressLabel(optional(256)).houseNumber(optional(256)).door(optional(256))
                .floor(optional(256)).co(optional(256)).zipCode(optional(256)).city(optional(256)).country(optional(256))
                .addressPoint(chance(50) ? null : AddressPoint.of(optional(256), optional(256), optional(256))).build();
    }

    private ContactPoint contactPoint(int infos) {
        List<ContactInfo> list = new ArrayList<>();
        for (int i = 0; i < infos; i++) {
            list.add(ContactInfo.of(required(256), required(256)));
        }
        return ContactPoint.of(optional(256), required(256), optional(256), list);
    }

    private ContentData contentData() {
        ContentData.Builder b = ContentData.builder();
        if (chance(50) || fault == Fault.CONTENT_CPR_LETTERS) {
            b.cprData(CprData.of(fault == Fault.CONTENT_CPR_LETTERS ? "01019O1234" : digits(10), optional(256)));
        }
        if (chance(50)) {
            b.cvrData(CvrData.of(digits(8), optional(256)));
        }
        if (chance(50) || fault == Fault.LICENSE_TOO_LONG) {
            b.motorVehicle(MotorVehicle.of(fault == Fault.LICENSE_TOO_LONG ? "AB123456" : required(7), optional(256)));
        }
        if (chance(50)) {
            b.propertyNumber(required(256));
        }
        if (chance(50)) {
            b.caseId(CaseReference.of(required(256), required(256)));
        }
        if (chance(50)) {
            b.kleData(KleData.of(required(256), required(256), optional(256), required(256)));
        }
        if (chance(50)) {
            b.formData(FormData.of(required(256), required(256), optional(256), required(256)));
        }
        if (chance(50) || fault == Fault.P_NUMBER_NEGATIVE) {
            b.productionUnit(ProductionUnit.of(fault == Fault.P_NUMBER_NEGATIVE ? -1 : 9_999_999_999L, optional(256)));
        }
        if (chance(50)) {
            b.education(Education.of(required(256), optional(256)));
        }
        if (chance(50)) {
            b.address(address());
        }
        if (chance(50)) {
            b.unstructuredAddress(required(256));
        }
        int extra = fault == Fault.ADDITIONAL_CONTENT_ELEVEN ? 11 : (chance(10) ? 10 : rnd.nextInt(3));
        for (int i = 0; i < extra; i++) {
            b.addAdditionalContentData(AdditionalContentData.of(optional(256), required(256), required(256)));
        }
        return b.build();
    }

    private ForwardData forwardData() {
        ForwardData.Builder b = ForwardData.builder(uuid4(), fault == Fault.FORWARD_DATE_MISSING ? null : instant(), required(256))
                .originalContentResponsible(optional(256)).contactPointId(optional(256))
                .comment(fault == Fault.FORWARD_COMMENT_TOO_LONG ? "c".repeat(513) : optional(512));
        if ((version == MemoVersion.V1_2 && chance(50)) || fault == Fault.V11_WITH_ORIGINAL_REPRESENTATIVE) {
            b.originalRepresentative(required(256));
        }
        return b.build();
    }

    private ReplyData replyData(boolean first) {
        ReplyData.Builder b = ReplyData.builder(uuid4()).messageId(optional(256))
                .replyUuid(first && fault == Fault.REPLY_UUID_NOT_V4 ? new UUID(0x1234_5678_1234_1234L, 0x8000_0000_0000_0001L)
                        : chance(50) ? uuid4() : null)
                .senderId(optional(256)).recipientId(optional(256)).caseId(optional(256)).contactPointId(optional(256))
                .generatingSystemId(optional(256)).comment(optional(512));
        int extra = first && fault == Fault.ADDITIONAL_REPLY_FIVE ? 5 : rnd.nextInt(5);
        for (int i = 0; i < extra; i++) {
            b.addAdditionalReplyData(AdditionalReplyData.of(required(256), required(256)));
        }
        return b.build();
    }

    // ---- body ----

    private MessageBody body() {
        Instant created = fault == Fault.CREATED_MISSING ? null : instant();
        List<MemoFile> mainFiles = files(fault == Fault.MAIN_DOCUMENT_WITHOUT_FILES ? 0 : 1 + rnd.nextInt(2), true);
        List<Action> actions = new ArrayList<>();
        int actionCount = fault.name().startsWith("ENTRY_POINT") || fault.name().startsWith("ACTION_")
                || fault.name().startsWith("RESERVATION_") ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
        for (int i = 0; i < actionCount; i++) {
            actions.add(action(i == 0));
        }
        MainDocument main = fault == Fault.NO_MAIN_DOCUMENT ? null : new MainDocument(optional(256), optional(256), mainFiles, actions);
        MessageBody.Builder b = MessageBody.builder(created, main);
        int additional = fault == Fault.ATTACHMENT_WITHOUT_FILES ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
        for (int i = 0; i < additional; i++) {
            List<Action> docActions = new ArrayList<>();
            for (int a = rnd.nextInt(2); a > 0; a--) {
                docActions.add(action(false));
            }
            b.addAdditionalDocument(new AdditionalDocument(optional(256), optional(256),
                    files(i == 0 && fault == Fault.ATTACHMENT_WITHOUT_FILES ? 0 : 1 + rnd.nextInt(2), false), docActions));
        }
        int technical = fault == Fault.TECHNICAL_FILENAME_WITH_NEWLINE ? 1 : rnd.nextInt(2);
        for (int i = 0; i < technical; i++) {
            List<MemoFile> files = files(1, false);
            if (fault == Fault.TECHNICAL_FILENAME_WITH_NEWLINE) {
                MemoFile f = files.get(0);
                files = List.of(MemoFile.of(f.encodingFormat(), "data\n.xml", f.language(), f.content()));
            }
            b.addTechnicalDocument(new TechnicalDocument(optional(256), optional(256), files));
        }
        return b.build();
    }

    private List<MemoFile> files(int count, boolean faultable) {
        List<MemoFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean planted = faultable && i == 0;
            String mime = planted && fault == Fault.ENCODING_FORMAT_NOT_MIME ? "pdf"
                    : List.of("application/pdf", "text/plain", "application/msword", "text/xml", "image/svg+xml").get(rnd.nextInt(5));
            String filename = (char) ('a' + rnd.nextInt(26)) + string(FILENAME_CODE_POINTS, Math.max(0, length(256) - 1));
            if (planted && fault == Fault.FILENAME_FORBIDDEN_CHARACTER) {
                String bad = List.of("<", ">", ":", "\"", "/", "\\", "|", "?", "*", "\r", "\n", "\u00a0", "\u2005", "\u2028",
                        "\u205f", "\u2060", "\u3000").get(rnd.nextInt(17));
                filename = "brev" + bad + ".pdf";
            } else if (planted && fault == Fault.FILENAME_TOO_LONG) {
                filename = "f".repeat(253) + ".pdf";
            }
            String language = planted && fault == Fault.LANGUAGE_THREE_LETTERS ? "dan"
                    : List.of("da", "en", "kl", "fo", "DE").get(rnd.nextInt(5));
            byte[] bytes = new byte[chance(10) ? 0 : rnd.nextInt(chance(10) ? 70_000 : 300)];
            rnd.nextBytes(bytes);
            FileContent content = planted && fault == Fault.CONTENT_MISSING ? null : FileContent.ofBytes(bytes);
            files.add(MemoFile.of(mime, filename, language, content));
        }
        return files;
    }

    private Action action(boolean planted) {
        ActionCode code = ActionCode.values()[rnd.nextInt(ActionCode.values().length)];
        Action.Builder b = Action.builder().label(required(256)).actionCode(code);
        if (planted && fault == Fault.ACTION_CODE_MISSING) {
            b.actionCode(null);
        }
        Instant start = optionalInstant();
        Instant end = optionalInstant();
        if (start != null && end != null && end.isBefore(start)) {
            Instant t = start;
            start = end;
            end = t;
        }
        if (planted && fault == Fault.ACTION_ENDS_BEFORE_START) {
            start = Instant.parse("2025-03-03T12:00:00Z");
            end = start.minusNanos(1);
        }
        b.startDateTime(start).endDateTime(end);
        boolean reservation = code == ActionCode.AFTALE && !(planted && fault.name().startsWith("ENTRY_POINT"));
        if (planted && fault.name().startsWith("RESERVATION_")) {
            reservation = true;
            if (fault == Fault.RESERVATION_WITHOUT_AFTALE) {
                b.actionCode(ActionCode.BETALING);
            } else {
                b.actionCode(ActionCode.AFTALE);
            }
        }
        if (reservation) {
            Instant rs = instant();
            Instant re = rs.plusSeconds(rnd.nextInt(7200));
            if (re.isAfter(MAX)) {
                re = rs;
            }
            b.reservation(Reservation.builder().description(required(256))
                    .reservationUuid(planted && fault == Fault.RESERVATION_UUID_NOT_V4 ? UUID.nameUUIDFromBytes(new byte[] {2}) : uuid4())
                    .abstractText(required(256)).location(required(256)).startDateTime(rs).endDateTime(re)
                    .organizerMail(optional(256)).organizerName(optional(256)).build());
        } else if (chance(85) || (planted && fault.name().startsWith("ENTRY_POINT"))) {
            String url = "https://" + List.of("www.borger.dk", "example.dk", "xn--bsted-rua.dk", "127.0.0.1:8443").get(rnd.nextInt(4))
                    + "/" + string(new int[] {'a', 'b', 'z', '0', '9', '-', '_', '.', '~', '/'}, rnd.nextInt(40))
                    + (chance(30) ? "?q=" + digits(5) + "&x=%C3%A6" : "");
            if (planted && fault == Fault.ENTRY_POINT_HTTP) {
                url = "http://www.borger.dk/";
            } else if (planted && fault == Fault.ENTRY_POINT_RELATIVE) {
                url = "/selvbetjening";
            }
            b.entryPoint(URI.create(url));
        }
        return b.build();
    }
}
