package dk.rammearkitektur.clients.stoettesystemer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad settings and bad input get one {@link ValidationException} naming each field path, and nothing is sent: the
 * index's endpoints are a socket that counts connections, the Klassifikation host one where nothing listens (a
 * lookup would end as a connection failure, not a validation error).
 */
class BenefitIndexClientValidationTest {
    private static final Instant T0 = Instant.parse("2024-04-01T08:00:00Z");
    private static final Person CITIZEN = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0101801234"))
            .name("Anna Jensen").build();
    private static final OrganisationUnit UNIT = OrganisationUnit.of(PartyId.random(), "Jobcenter");
    private static final BenefitId BENEFIT = BenefitId.random();
    private static ServerSocket index;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static KlassifikationClient klassifikation;
    private static BenefitIndexClient client;

    @BeforeAll
    static void start() throws Exception {
        index = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!index.isClosed()) {
                try (Socket s = index.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    // counted or not, keep accepting
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        int nobody;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = s.getLocalPort();
        }
        klassifikation = KlassifikationClient.builder()
                .environment(StoettesystemerEnvironment.custom(URI.create("https://127.0.0.1:" + nobody + "/")))
                .systemCertificate(TestKeys.systemP12(), TestKeys.PASSWORD).trustAnchors(List.of(TestKeys.anchor()))
                .stsCertificates(List.of(TestKeys.anchor())).authorityCvr("29189846")
                .timeouts(Timeouts.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1)))
                .retryPolicy(RetryPolicy.none()).build();
        URI at = URI.create("https://127.0.0.1:" + index.getLocalPort() + "/");
        client = BenefitIndexClient.builder().klassifikation(klassifikation)
                .owner(UUID.randomUUID(), "29189846", "Aarhus Kommune").itSystem(UUID.randomUUID(), "Fagsystem")
                .classes(BenefitIndexClasses.of(classes())).endpoints(at.resolve("yi/"), at.resolve("bi/"),
                        at.resolve("oef/")).build();
    }

    @AfterAll
    static void stop() throws IOException {
        klassifikation.close();
        index.close();
    }

    @Test
    void everyBadSettingIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> BenefitIndexClient.builder()
                .owner(null, "1234", " ").itSystem(null, "x".repeat(256)).entityId(" ")
                .endpoints(URI.create("http://example.org/yi"), URI.create("relative"), null).build());
        assertEquals(Set.of("benefitIndexClient.klassifikation", "benefitIndexClient.owner.organisation",
                "benefitIndexClient.owner.cvr", "benefitIndexClient.owner.name", "benefitIndexClient.itSystem.uuid",
                "benefitIndexClient.itSystem.name", "benefitIndexClient.entityId",
                "benefitIndexClient.endpoints.ydelseIndeks", "benefitIndexClient.endpoints.bevillingIndeks"),
                paths(e));
    }

    @Test
    void configuredClassesMustNameEveryRoleAndType() {
        Map<String, UUID> some = new LinkedHashMap<>();
        some.put("Ejer", UUID.randomUUID());
        ValidationException e = assertThrows(ValidationException.class, () -> BenefitIndexClasses.of(some));
        assertEquals(BenefitIndexClasses.ROLES.size() + BenefitIndexClasses.OBJECT_TYPES.size() - 1,
                e.violations().size());
        assertTrue(paths(e).contains("classes.Effektueringsmodtager"));
        assertTrue(paths(e).contains("classes.Økonomisk Ydelseseffektuering"));
        BenefitIndexClasses c = BenefitIndexClasses.of(classes());
        assertEquals("DelAf", c.key(c.uuid("DelAf")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> c.uuid("Primær part"), "an SF1470 key is not one");
    }

    @Test
    void missingArgumentsAreNamed() {
        History<Case> good = history(c -> c, benefit().build());
        assertEquals(Set.of("benefitId"), paths(assertThrows(ValidationException.class,
                () -> client.sync(good, null))));
        assertEquals(Set.of("history.registrations"), paths(assertThrows(ValidationException.class,
                () -> client.importGrant(null, BENEFIT))));
        assertEquals(Set.of("benefitId"), paths(assertThrows(ValidationException.class,
                () -> client.updateGrant(good, BenefitId.random()))), "a benefit the case does not have");
        assertEquals(Set.of("benefitId"), paths(assertThrows(ValidationException.class,
                () -> client.findGrant(null))));
        assertEquals(Set.of("paymentId"), paths(assertThrows(ValidationException.class,
                () -> client.findPayment(null))));
        assertEquals(Set.of("paymentId"), paths(assertThrows(ValidationException.class,
                () -> client.removePayment(null))));
        assertEquals(Set.of("cpr"), paths(assertThrows(ValidationException.class, () -> client.findByCpr(null))));
        assertEquals(Set.of("benefitId"), paths(assertThrows(ValidationException.class,
                () -> client.removeGrant(null))));
        assertEquals(Set.of("benefitId"), paths(assertThrows(ValidationException.class,
                () -> client.findPayments(null))));
        assertEquals(0, CONNECTIONS.get(), "nothing sent");
    }

    @Test
    void aBenefitNotGrantedIsRefusedWithEveryProblemNamedAndNothingSent() {
        Benefit applied = Benefit.builder().id(BENEFIT).type(ClassificationCode.of("KL-ydelser", "Sygedagpenge"))
                .recipient(UNIT.id()).amount(new BigDecimal("10.00")).frequency(Frequency.MONTHLY)
                .legalBasis("§ 7").build();
        History<Case> h = history(c -> c.caseNumber("n".repeat(51)).title("t".repeat(256))
                .classification(KleNumber.parse("32.18")).addParty(UNIT, PartyRole.SECONDARY_PARTY), applied);
        for (Function<History<Case>, Object> call : List.<Function<History<Case>, Object>>of(
                x -> client.sync(x, BENEFIT), x -> {
                    client.importGrant(x, BENEFIT);
                    return null;
                }, x -> {
                    client.updateGrant(x, BENEFIT);
                    return null;
                })) {
            ValidationException e = assertThrows(ValidationException.class, () -> call.apply(h));
            assertEquals(Set.of("benefit.status", "benefit.grantPeriod", "benefit.recipient", "case.caseNumber",
                    "case.title", "case.classification"), paths(e));
            assertFalse(e.getMessage().contains("0101801234"), "no CPR in messages");
        }
        assertEquals(0, CONNECTIONS.get(), "nothing sent");
    }

    @Test
    void aGrantInAnotherCurrencyOrWithAnOpenPaymentPeriodIsRefusedAndNothingSent() {
        Currency eur = Currency.getInstance("EUR");
        Money ten = Money.of(new BigDecimal("10.00"), eur);
        Payment open = Payment.builder().id(PaymentId.random()).benefitPeriod(DatePeriod.startingOn(
                        LocalDate.of(2024, 5, 1))).dispositionDate(LocalDate.of(2024, 6, 3)).gross(ten).afterTax(ten)
                .sentForPayment(ten).payee(UNIT.id()).build();
        Benefit euros = benefit().currency(eur).addPayment(open).build();
        ValidationException e = assertThrows(ValidationException.class, () -> client.sync(history(
                c -> c.classification(KleNumber.parse("32.18")).addParty(UNIT, PartyRole.SECONDARY_PARTY), euros),
                BENEFIT));
        assertEquals(Set.of("benefit.currency", "benefit.payments[0].benefitPeriod", "benefit.payments[0].payee",
                "case.classification"), paths(e));
        assertEquals(0, CONNECTIONS.get(), "nothing sent");
    }

    @Test
    void indexedObjectsAreShownWithCprNumbersMasked() {
        IndexRelation part = new IndexRelation("Bevillingspart", null, "Ydelsesmodtager", null, null,
                "urn:oio:cpr-nr:0101801234", Validity.from(T0));
        String grant = new IndexedGrant(BENEFIT, "Bevilling 0101801234", "Sygedagpenge", null, null, null, null,
                null, List.of(part)).toString();
        String payment = new IndexedPayment(PaymentId.random(), BENEFIT, null, null, null, null, null, null,
                List.of(part)).toString();
        for (String shown : List.of(grant, payment)) {
            assertFalse(shown.contains("1234"), shown);
            assertTrue(shown.contains("010180-****"), shown);
        }
    }

    @Test
    void theEnvironmentPlacesTheThreeServicesUnderItsBase() {
        StoettesystemerEnvironment env = StoettesystemerEnvironment.parse("https://127.0.0.1:8443");
        assertEquals(URI.create("https://127.0.0.1:8443/ydelsesindeks/oekonomiskeffektueringindeks/6/"),
                env.ydelsesIndeks("oekonomiskeffektueringindeks"));
        assertEquals(URI.create("https://ydelsesindeks.stoettesystemerne.dk/ydelseindeks/6/"),
                StoettesystemerEnvironment.PRODUCTION.ydelsesIndeks("ydelseindeks"));
        assertEquals(URI.create("https://example.org/ydi/bevillingindeks/6/"), StoettesystemerEnvironment.TEST
                .withYdelsesIndeksBase(URI.create("https://example.org/ydi/")).ydelsesIndeks("bevillingindeks"));
        assertEquals(Set.of("environment.ydelsesIndeksBase"), paths(assertThrows(ValidationException.class,
                () -> StoettesystemerEnvironment.TEST.withYdelsesIndeksBase(URI.create("https://example.org/ydi")))));
    }

    private static Benefit.Builder benefit() {
        return Benefit.builder().id(BENEFIT).type(ClassificationCode.of("KL-ydelser", "Sygedagpenge"))
                .recipient(CITIZEN.id()).grantPeriod(DatePeriod.startingOn(LocalDate.of(2024, 5, 1)))
                .amount(new BigDecimal("10.00")).frequency(Frequency.MONTHLY).status(BenefitStatus.GRANTED)
                .legalBasis("§ 7");
    }

    private static History<Case> history(Function<Case.Builder, Case.Builder> change, Benefit b) {
        Case.Builder c = Case.builder().id(CaseId.random()).caseNumber("2024-1").title("Sygedagpenge")
                .classification(KleNumber.parse("32.18.02 G01"))
                .caseworker(Caseworker.of(UUID.randomUUID(), "Bo Hansen")).owningUnit(UNIT)
                .addParty(CITIZEN, PartyRole.PRIMARY_PARTY);
        Case k = change.apply(c).addBenefit(b).build();
        return History.start(T0.plusSeconds(60), "fagsystem", null, List.of(Effect.of(Validity.from(T0), k)));
    }

    private static Map<String, UUID> classes() {
        Map<String, UUID> m = new LinkedHashMap<>();
        for (String key : BenefitIndexClasses.ROLES) {
            m.put(key, UUID.nameUUIDFromBytes(("role" + key).getBytes(StandardCharsets.UTF_8)));
        }
        for (String key : BenefitIndexClasses.OBJECT_TYPES) {
            m.put(key, UUID.nameUUIDFromBytes(("type" + key).getBytes(StandardCharsets.UTF_8)));
        }
        return m;
    }

    private static Set<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toSet());
    }
}
