package dk.rammearkitektur.clients.common.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;

/**
 * A message shaped like KOMBIT's Beskedfordeler samples (default namespace, upper-case UUIDs, a person as
 * {@code urn:oio:cpr-nr:…}, the payload Base64-encoded in {@code Beskeddata/Base64}), one element per line so that a
 * test can take a line out; and the published schema folder from {@code ../shared}.
 */
final class Samples {
    static final String CPR = "0101901234";
    static final String PERSON_XML = "<Person xmlns=\"urn:test:person\"><Navn>Jens Hansen</Navn></Person>";
    static final String MESSAGE_ID = "5D7E9B0A-1C3F-4E2B-9A8D-7F6E5D4C3B2A";
    static final String MESSAGE_TYPE = "0E5E3F9B-AB4B-4C64-B1B8-6A6B2F1E2D3C";

    static final String KOMBIT_LIKE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Haendelsesbesked xmlns="urn:oio:besked:kuvert:1.0" xmlns:sd="urn:oio:sagdok:3.0.0">
            <BeskedId><sd:UUIDIdentifikator>5D7E9B0A-1C3F-4E2B-9A8D-7F6E5D4C3B2A</sd:UUIDIdentifikator></BeskedId>
            <BeskedVersion>1.0</BeskedVersion>
            <Beskedkuvert>
            <Filtreringsdata>
            <Beskedtype><sd:UUIDIdentifikator>0E5E3F9B-AB4B-4C64-B1B8-6A6B2F1E2D3C</sd:UUIDIdentifikator></Beskedtype>
            <BeskedAnsvarligAktoer><sd:UUIDIdentifikator>8A5B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D</sd:UUIDIdentifikator></BeskedAnsvarligAktoer>
            <TilladtModtager><sd:URNIdentifikator>urn:oio:cvr-nr:29189846</sd:URNIdentifikator></TilladtModtager>
            <RelateretObjekt>
            <ObjektId><sd:URNIdentifikator>urn:oio:cpr-nr:0101901234</sd:URNIdentifikator></ObjektId>
            <ObjektType><sd:URNIdentifikator>urn:oio:objekttype:person</sd:URNIdentifikator></ObjektType>
            <ObjektRolle><sd:URNIdentifikator>urn:oio:objektrolle:part</sd:URNIdentifikator></ObjektRolle>
            </RelateretObjekt>
            <ObjektRegistrering>
            <ObjektRegistreringId><sd:UUIDIdentifikator>1B2C3D4E-5F6A-4B7C-8D9E-0F1A2B3C4D5E</sd:UUIDIdentifikator></ObjektRegistreringId>
            <RegistreringsAktoer><sd:UUIDIdentifikator>2C3D4E5F-6A7B-4C8D-9E0F-1A2B3C4D5E6F</sd:UUIDIdentifikator></RegistreringsAktoer>
            <Registreringstidspunkt><sd:TidsstempelDatoTid>2017-02-15T12:00:00.000+01:00</sd:TidsstempelDatoTid></Registreringstidspunkt>
            <ObjektAnsvarligMyndighed><sd:URNIdentifikator>urn:oio:cvr-nr:29189846</sd:URNIdentifikator></ObjektAnsvarligMyndighed>
            <ObjektId><sd:URNIdentifikator>urn:oio:cpr-nr:0101901234</sd:URNIdentifikator></ObjektId>
            <ObjektType><sd:URNIdentifikator>urn:oio:objekttype:person</sd:URNIdentifikator></ObjektType>
            <ObjektHandling><sd:URNIdentifikator>urn:oio:objekthandling:opret</sd:URNIdentifikator></ObjektHandling>
            <OpgaveEmne><sd:URNIdentifikator>urn:oio:kle:27.24.00</sd:URNIdentifikator></OpgaveEmne>
            </ObjektRegistrering>
            <TvaergaaendeProces><sd:UUIDIdentifikator>3D4E5F6A-7B8C-4D9E-8F0A-2B3C4D5E6F7A</sd:UUIDIdentifikator></TvaergaaendeProces>
            </Filtreringsdata>
            <Leveranceinformation>
            <Dannelsestidspunkt><sd:TidsstempelDatoTid>2017-02-15T12:00:01Z</sd:TidsstempelDatoTid></Dannelsestidspunkt>
            <TransaktionsId><sd:UUIDIdentifikator>4E5F6A7B-8C9D-4E0F-9A1B-3C4D5E6F7A8B</sd:UUIDIdentifikator></TransaktionsId>
            <Kildesystem><sd:UUIDIdentifikator>5F6A7B8C-9D0E-4F1A-8B2C-4D5E6F7A8B9C</sd:UUIDIdentifikator></Kildesystem>
            <KildesystemIPAdresse>10.0.0.1</KildesystemIPAdresse>
            <Sikkerhedsklassificering><sd:URNIdentifikator>urn:oio:sikkerhedsklassificering:fortrolig</sd:URNIdentifikator></Sikkerhedsklassificering>
            <Leveranceruter>
            <Leverancerute>
            <Fordelingssystem><sd:URNIdentifikator>urn:oio:fordelingssystem:beskedfordeler</sd:URNIdentifikator></Fordelingssystem>
            <ModtagelsesTidspunkt><sd:TidsstempelDatoTid>2017-02-15T12:00:02+01:00</sd:TidsstempelDatoTid></ModtagelsesTidspunkt>
            <LeveranceruteLokalUdvidelse><AntalLeveranceforsoeg>2</AntalLeveranceforsoeg></LeveranceruteLokalUdvidelse>
            </Leverancerute>
            </Leveranceruter>
            </Leveranceinformation>
            <Modtagerhandling>
            <Handling><sd:URNIdentifikator>urn:oio:handling:orientering</sd:URNIdentifikator></Handling>
            </Modtagerhandling>
            <GyldighedFra><sd:TidsstempelDatoTid>2017-02-15T00:00:00+01:00</sd:TidsstempelDatoTid></GyldighedFra>
            <GyldighedTil><sd:GraenseIndikator>true</sd:GraenseIndikator></GyldighedTil>
            </Beskedkuvert>
            <Beskeddata><Base64 xmlns="urn:besked:kuvert:1.0">%s</Base64></Beskeddata>
            </Haendelsesbesked>
            """.formatted(Base64.getMimeEncoder().encodeToString(PERSON_XML.getBytes(StandardCharsets.UTF_8)));

    private Samples() {
    }

    static byte[] kombitLike() {
        return bytes(KOMBIT_LIKE);
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The sample without its (first) line that contains {@code fragment}. */
    static String without(String fragment) {
        int at = KOMBIT_LIKE.indexOf(fragment);
        if (at < 0) {
            throw new IllegalArgumentException("not in the sample: " + fragment);
        }
        int start = KOMBIT_LIKE.lastIndexOf('\n', at) + 1;
        int end = KOMBIT_LIKE.indexOf('\n', at) + 1;
        return KOMBIT_LIKE.substring(0, start) + KOMBIT_LIKE.substring(end);
    }

    /** The sample with {@code from} (which must occur) replaced by {@code to} once. */
    static String replacing(String from, String to) {
        if (!KOMBIT_LIKE.contains(from)) {
            throw new IllegalArgumentException("not in the sample: " + from);
        }
        return KOMBIT_LIKE.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** The published Beskedfordeler schema folder, or the test is skipped with a message. */
    static Path schemaFolder() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path p = dir == null || dir.isBlank() ? null
                : Path.of(dir, "conformance", "serviceplatformen", "sf1461-sf1462-beskedfordeler", "xsd");
        Assumptions.assumeTrue(p != null && Files.isRegularFile(p.resolve("Beskedkuvert.xsd")),
                "published Beskedfordeler schema not found: rammearkitektur.shared.dir is unset or has no "
                        + "conformance/serviceplatformen/sf1461-sf1462-beskedfordeler/xsd");
        return p;
    }
}
