package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.PersonalData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's registers: persons (CPR), companies and production units (CVR) and organisations (Organisation).
 * Seeded with a small fictitious dataset ({@link #seeded(String)}); tests add their own with {@link #add(Person)} and
 * friends. Thread-safe.
 */
public final class SimulatorData {
    /** Persons seeded by {@link #seeded(String)}, by role. Every number and name is fictitious. */
    public static final String CPR_ACTIVE_1900S = "1505821234";
    /** Born 2005 (seventh digit 4). */
    public static final String CPR_CHILD_2000S = "2312054321";
    /** Born 1885 (seventh digit 7, year 85), dead. */
    public static final String CPR_DEAD_1800S = "0706857123";
    /** Protected address (adressebeskyttelse). */
    public static final String CPR_PROTECTED = "1103754012";
    /** Emigrated (udrejst). */
    public static final String CPR_EMIGRATED = "2208683456";
    /** Born 2020 (seventh digit 9). */
    public static final String CPR_2020 = "0101209876";
    /** An active company with two production units. */
    public static final String CVR_ACTIVE = "11223346";
    /** A ceased company. */
    public static final String CVR_CEASED = "44332213";
    /** Production units of {@link #CVR_ACTIVE}. */
    public static final String PNUMBER_1 = "1000000001";
    /** Second production unit of {@link #CVR_ACTIVE}. */
    public static final String PNUMBER_2 = "1000000002";

    private final Map<String, Person> persons = new ConcurrentHashMap<>();
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final Map<String, ProductionUnit> productionUnits = new ConcurrentHashMap<>();
    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();

    private SimulatorData() {
    }

    /** Empty registers. */
    public static SimulatorData empty() {
        return new SimulatorData();
    }

    /** The seeded dataset, with an organisation tree for the municipality {@code municipalityCvr}. */
    public static SimulatorData seeded(String municipalityCvr) {
        SimulatorData d = new SimulatorData();
        Address aarhus = new Address("Testvej", "12", "2", "tv", null, "8000", "Aarhus C", 751);
        Address odense = new Address("Prøvegade", "3", null, null, "c/o Hansen", "5000", "Odense C", 461);
        d.add(new Person(CPR_ACTIVE_1900S, "Jens", "Test", "Hansen", LocalDate.of(1982, 5, 15), 1, "G", aarhus, false, null));
        d.add(new Person(CPR_CHILD_2000S, "Emma", null, "Nielsen", LocalDate.of(2005, 12, 23), 1, "U", aarhus, false, null));
        d.add(new Person(CPR_DEAD_1800S, "Karen", null, "Madsen", LocalDate.of(1885, 6, 7), 90, "D", null, false, null));
        d.add(new Person(CPR_PROTECTED, "Mette", null, "Jensen", LocalDate.of(1975, 3, 11), 1, "F", odense, true, null));
        d.add(new Person(CPR_EMIGRATED, "Lars", null, "Petersen", LocalDate.of(1968, 8, 22), 80, "U", null, false,
                LocalDate.of(2019, 4, 1)));
        d.add(new Person(CPR_2020, "Noah", null, "Larsen", LocalDate.of(2020, 1, 1), 1, "U", odense, false, null));
        Address industri = new Address("Industrivej", "7", null, null, null, "8200", "Aarhus N", 751);
        d.add(new ProductionUnit(PNUMBER_1, "Simuleret ApS, hovedkontor", CVR_ACTIVE, industri, "620100"));
        d.add(new ProductionUnit(PNUMBER_2, "Simuleret ApS, lager", CVR_ACTIVE, odense, "521000"));
        d.add(new Company(CVR_ACTIVE, "Simuleret ApS", industri, "NORMAL", "620100", List.of(PNUMBER_1, PNUMBER_2)));
        d.add(new Company(CVR_CEASED, "Ophørt Handel I/S", odense, "OPHOERT", "471100", List.of()));
        UUID root = UUID.nameUUIDFromBytes(("org-root-" + municipalityCvr).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID borger = UUID.nameUUIDFromBytes(("org-borger-" + municipalityCvr).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID social = UUID.nameUUIDFromBytes(("org-social-" + municipalityCvr).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID job = UUID.nameUUIDFromBytes(("org-job-" + municipalityCvr).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<OrgUnit> units = List.of(new OrgUnit(root, "TK", "Testkommune", null),
                new OrgUnit(borger, "TK-BS", "Borgerservice", root),
                new OrgUnit(social, "TK-SB", "Social og Beskæftigelse", root),
                new OrgUnit(job, "TK-JC", "Jobcenter", social));
        List<User> users = List.of(
                new User(UUID.nameUUIDFromBytes("user-anna".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "anna", "Anna Andersen", List.of(borger)),
                new User(UUID.nameUUIDFromBytes("user-bo".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "bo", "Bo Berg", List.of(job)),
                new User(UUID.nameUUIDFromBytes("user-cim".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "cim", "Cim Clausen", List.of(social, job)));
        d.add(new Organisation(municipalityCvr, UUID.nameUUIDFromBytes(("org-" + municipalityCvr)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Testkommune", units, users));
        return d;
    }

    /** Adds or replaces a person. */
    public SimulatorData add(Person person) {
        persons.put(person.cpr(), person);
        return this;
    }

    /** Adds or replaces a company. */
    public SimulatorData add(Company company) {
        companies.put(company.cvr(), company);
        return this;
    }

    /** Adds or replaces a production unit. */
    public SimulatorData add(ProductionUnit unit) {
        productionUnits.put(unit.pNumber(), unit);
        return this;
    }

    /** Adds or replaces a municipality's organisation. */
    public SimulatorData add(Organisation organisation) {
        organisations.put(organisation.municipalityCvr(), organisation);
        return this;
    }

    /** The person with {@code cpr}. */
    public Optional<Person> person(String cpr) {
        return Optional.ofNullable(persons.get(cpr));
    }

    /** The company with {@code cvr}. */
    public Optional<Company> company(String cvr) {
        return Optional.ofNullable(companies.get(cvr));
    }

    /** The production unit with {@code pNumber}. */
    public Optional<ProductionUnit> productionUnit(String pNumber) {
        return Optional.ofNullable(productionUnits.get(pNumber));
    }

    /** The organisation of the municipality with {@code cvr}. */
    public Optional<Organisation> organisation(String cvr) {
        return Optional.ofNullable(organisations.get(cvr));
    }

    /** Every company in the register, ordered by CVR number. */
    public List<Company> companies() {
        List<Company> out = new ArrayList<>(companies.values());
        out.sort(java.util.Comparator.comparing(Company::cvr));
        return out;
    }

    /** Every CPR number in the register. */
    public List<String> cprNumbers() {
        return new ArrayList<>(persons.keySet());
    }

    /**
     * An address.
     *
     * @param street street name
     * @param houseNumber house number
     * @param floor floor or null
     * @param door door or null
     * @param careOf c/o or null
     * @param postalCode postal code
     * @param city postal district
     * @param municipalityCode municipality code or null
     */
    public record Address(String street, String houseNumber, String floor, String door, String careOf,
            String postalCode, String city, Integer municipalityCode) {
    }

    /**
     * A person in the CPR register.
     *
     * @param cpr ten digits
     * @param firstName first name
     * @param middleName middle name or null
     * @param lastName last name
     * @param birthDate birth date
     * @param statusCode CPR status code (1 active, 80 emigrated, 90 dead, ...)
     * @param civilStatusCode civil status letter (U, G, F, E, P, O, L, D)
     * @param address current address or null
     * @param addressProtected name and address protection
     * @param emigrationDate emigration date or null
     */
    public record Person(String cpr, String firstName, String middleName, String lastName, LocalDate birthDate,
            int statusCode, String civilStatusCode, Address address, boolean addressProtected, LocalDate emigrationDate) {
        /** Checks the CPR number and names. */
        public Person {
            Objects.requireNonNull(cpr, "cpr == null");
            if (!cpr.matches("\\d{10}")) {
                throw new IllegalArgumentException("cpr must be 10 digits");
            }
            Objects.requireNonNull(firstName, "firstName == null");
            Objects.requireNonNull(lastName, "lastName == null");
        }

        /** First, middle and last name. */
        public String fullName() {
            return firstName + (middleName == null ? "" : " " + middleName) + " " + lastName;
        }

        @Override
        public String toString() {
            return "Person[" + PersonalData.maskCpr(cpr) + ", " + fullName() + ", status " + statusCode + "]";
        }
    }

    /**
     * A company (legal unit) in the CVR register.
     *
     * @param cvr eight digits
     * @param name name
     * @param address address or null
     * @param status status text
     * @param industryCode six-digit industry code or null
     * @param productionUnits its P-numbers
     */
    public record Company(String cvr, String name, Address address, String status, String industryCode,
            List<String> productionUnits) {
        /** Copies the list. */
        public Company {
            Objects.requireNonNull(cvr, "cvr == null");
            productionUnits = List.copyOf(productionUnits);
        }
    }

    /**
     * A production unit in the CVR register.
     *
     * @param pNumber ten digits
     * @param name name
     * @param cvr owning company's CVR number
     * @param address address or null
     * @param industryCode six-digit industry code or null
     */
    public record ProductionUnit(String pNumber, String name, String cvr, Address address, String industryCode) {
    }

    /** The function type (a Klasse UUID, the simulator's own) of the engagements {@link Organisation} derives. */
    public static final UUID ENGAGEMENT_TYPE = UUID.nameUUIDFromBytes("funktionstype-engagement"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /**
     * A municipality's organisation.
     *
     * @param municipalityCvr the municipality's CVR number
     * @param uuid the organisation's UUID
     * @param name its name
     * @param units its units
     * @param users its users
     * @param functions its functions (OrganisationFunktion)
     */
    public record Organisation(String municipalityCvr, UUID uuid, String name, List<OrgUnit> units, List<User> users,
            List<OrgFunction> functions) {
        /** Copies the lists. */
        public Organisation {
            units = List.copyOf(units);
            users = List.copyOf(users);
            functions = List.copyOf(functions);
        }

        /**
         * An organisation whose functions are one engagement ("Ansat", of {@link #ENGAGEMENT_TYPE}) per user and
         * attached unit, each with a UUID derived from the user's and the unit's.
         */
        public Organisation(String municipalityCvr, UUID uuid, String name, List<OrgUnit> units, List<User> users) {
            this(municipalityCvr, uuid, name, units, users, engagements(users));
        }

        /** One engagement function per user and attached unit. */
        public static List<OrgFunction> engagements(List<User> users) {
            List<OrgFunction> out = new ArrayList<>();
            for (User u : users) {
                for (UUID unit : u.units()) {
                    out.add(new OrgFunction(UUID.nameUUIDFromBytes(("engagement-" + u.uuid() + "-" + unit)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, "Ansat", ENGAGEMENT_TYPE,
                            List.of(unit), List.of(u.uuid())));
                }
            }
            return out;
        }
    }

    /**
     * A function (OrganisationFunktion): a role tying users to units, such as an engagement.
     *
     * @param uuid UUID
     * @param key user-facing key or null
     * @param name name
     * @param type the function type's Klasse UUID, or null
     * @param units attached unit UUIDs
     * @param users attached user UUIDs
     */
    public record OrgFunction(UUID uuid, String key, String name, UUID type, List<UUID> units, List<UUID> users) {
        /** Copies the lists. */
        public OrgFunction {
            Objects.requireNonNull(uuid, "uuid == null");
            units = List.copyOf(units);
            users = List.copyOf(users);
        }
    }

    /**
     * An organisation unit.
     *
     * @param uuid UUID
     * @param key user-facing key or null
     * @param name name
     * @param parent parent UUID or null
     */
    public record OrgUnit(UUID uuid, String key, String name, UUID parent) {
    }

    /**
     * A user.
     *
     * @param uuid UUID
     * @param userName user name
     * @param name person name or null
     * @param units attached unit UUIDs
     */
    public record User(UUID uuid, String userName, String name, List<UUID> units) {
        /** Copies the list. */
        public User {
            units = List.copyOf(units);
        }
    }
}
