package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.PersonalData;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person (person) as SF1520 returns it. {@link #toString()} masks the CPR number.
 *
 * @param cpr the CPR number (personnummer), ten digits
 * @param name the full addressing name (personadresseringsnavn)
 * @param firstName first name (fornavn), or null
 * @param middleName middle name (mellemnavn), or null
 * @param lastName last name (efternavn), or null
 * @param birth date of birth (foedselsdato) with its uncertainty marker, or null
 * @param status status in the register
 * @param statusDate the date of the status (statusdato) with its uncertainty marker, or null
 * @param civilStatus civil status (civilstand), or null when the register has none
 * @param civilStatusDate the date of the civil status (civilstandsdato) with its uncertainty marker, or null
 * @param address the current address, or null (none, or emigrated)
 * @param addressProtected true when the address is protected (adressebeskyttelse) and may not be disclosed
 * @param directoryProtected true when the person is protected from directories (vejviserbeskyttelse)
 * @param marketingProtected true when the person is protected from marketing (markedsfoeringsbeskyttelse)
 * @param emigration the date of emigration (udrejsedato) with its uncertainty marker, or null
 */
public record PersonRecord(String cpr, String name, String firstName, String middleName, String lastName,
        UncertainDate birth, PersonStatus status, UncertainDate statusDate, CivilStatus civilStatus,
        UncertainDate civilStatusDate, PostalAddress address, boolean addressProtected, boolean directoryProtected,
        boolean marketingProtected, UncertainDate emigration) {

    /** Requires the CPR number, name and status. */
    public PersonRecord {
        Objects.requireNonNull(cpr, "cpr == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(status, "status == null");
    }

    /**
     * The record with certain dates, no status or civil-status date and no directory or marketing protection (the
     * shape before those fields were read).
     */
    public PersonRecord(String cpr, String name, String firstName, String middleName, String lastName,
            LocalDate birthDate, PersonStatus status, CivilStatus civilStatus, PostalAddress address,
            boolean addressProtected, LocalDate emigrationDate) {
        this(cpr, name, firstName, middleName, lastName, UncertainDate.certain(birthDate), status, null, civilStatus,
                null, address, addressProtected, false, false, UncertainDate.certain(emigrationDate));
    }

    /** The date of birth, or null; see {@link #birth()} for the uncertainty marker. */
    public LocalDate birthDate() {
        return birth == null ? null : birth.date();
    }

    /** The date of emigration, or null; see {@link #emigration()} for the uncertainty marker. */
    public LocalDate emigrationDate() {
        return emigration == null ? null : emigration.date();
    }

    /**
     * As the domain model's person {@link dk.rammearkitektur.model.Party} with the given id: CPR number, name, the
     * current address (when complete) and the protection flag.
     *
     * @throws dk.rammearkitektur.core.ValidationException when the register's values break the model's rules
     */
    public dk.rammearkitektur.model.Person toParty(dk.rammearkitektur.model.PartyId id) {
        Objects.requireNonNull(id, "id == null");
        return dk.rammearkitektur.model.Person.builder().id(id).cpr(dk.rammearkitektur.model.Cpr.parse(cpr)).name(name)
                .address(address == null ? null : address.toModel().orElse(null)).addressProtected(addressProtected)
                .build();
    }

    @Override
    public String toString() {
        return "PersonRecord[cpr=" + PersonalData.maskCpr(cpr) + ", name=" + name + ", status=" + status
                + ", civilStatus=" + civilStatus + ", addressProtected=" + addressProtected
                + ", directoryProtected=" + directoryProtected + ", marketingProtected=" + marketingProtected
                + ", address=" + (addressProtected ? "(protected)" : address) + "]";
    }
}
