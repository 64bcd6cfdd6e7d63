package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever person the simulator's register holds comes back through the contract, TLS, the client's parser and
 * mapping with the same values (the simulator writes with its own DOM code, the client reads with JAXB).
 */
class PersonRoundTripPropertyTest {
    private static ServiceplatformSimulator sim;
    private static ServiceplatformClient client;

    @BeforeContainer
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
        client = SimulatorClients.invocationContext(sim).build();
    }

    @AfterContainer
    static void stop() {
        client.close();
        sim.close();
    }

    @Provide
    Arbitrary<SimulatorData.Person> persons() {
        Arbitrary<LocalDate> born = Arbitraries.longs().between(LocalDate.of(1858, 1, 1).toEpochDay(),
                LocalDate.of(2036, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('æ', 'ø', 'å', '-').ofMinLength(1)
                .ofMaxLength(20).map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
        Arbitrary<Integer> status = Arbitraries.of(1, 3, 5, 7, 20, 30, 50, 60, 70, 80, 90);
        Arbitrary<String> civil = Arbitraries.of("U", "G", "F", "E", "P", "O", "L", "D");
        Arbitrary<SimulatorData.Address> address = Combinators.combine(name, Arbitraries.integers().between(1, 999),
                Arbitraries.strings().numeric().ofLength(4), name).as((street, no, zip, city) ->
                new SimulatorData.Address(street + "vej", Integer.toString(no), null, null, null, zip, city, 101))
                .injectNull(0.3);
        return Combinators.combine(born, serial, name, name, status, civil, address, Arbitraries.of(true, false))
                .as((b, s, first, last, st, cs, addr, prot) -> new SimulatorData.Person(
                        String.format("%02d%02d%02d", b.getDayOfMonth(), b.getMonthValue(), b.getYear() % 100) + s,
                        first, null, last, b, st, cs, addr, prot, null));
    }

    @Property(tries = 40)
    void personRoundTrip(@ForAll("persons") SimulatorData.Person person) {
        sim.data().add(person);
        PersonRecord p = client.lookupPerson(person.cpr()).orElseThrow();
        assertEquals(person.cpr(), p.cpr());
        assertEquals(person.fullName(), p.name());
        assertEquals(person.lastName(), p.lastName());
        assertEquals(person.birthDate(), p.birthDate());
        assertEquals(PersonStatus.fromCode(person.statusCode()), p.status());
        assertEquals(person.civilStatusCode(), p.civilStatus().code());
        assertEquals(person.addressProtected(), p.addressProtected());
        if (person.address() != null) {
            assertEquals(person.address().city(), p.address().city());
            assertEquals(person.address().postalCode(), p.address().postalCode());
        }
    }
}
