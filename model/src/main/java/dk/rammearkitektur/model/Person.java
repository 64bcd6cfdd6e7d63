package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A person (person) identified by CPR number, with name, optional address and whether that address is protected
 * (navne- og adressebeskyttelse). {@link #toString()} masks the CPR number and hides a protected address.
 */
public final class Person implements Party {
    private final PartyId id;
    private final Cpr cpr;
    private final String name;
    private final Address address;
    private final boolean addressProtected;
    private final ContactDetails contact;

    private Person(Builder b) {
        this.id = b.id;
        this.cpr = b.cpr;
        this.name = b.name;
        this.address = b.address;
        this.addressProtected = b.addressProtected;
        this.contact = b.contact;
    }

    /** A builder; {@code id}, {@code cpr} and {@code name} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this person's values. */
    public Builder toBuilder() {
        return new Builder().id(id).cpr(cpr).name(name).address(address).addressProtected(addressProtected).contact(contact);
    }

    @Override
    public PartyId id() {
        return id;
    }

    /** The CPR number. */
    public Cpr cpr() {
        return cpr;
    }

    @Override
    public String name() {
        return name;
    }

    /** The address, if known. */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    /** Whether name and address are protected (adressebeskyttelse) and must not be disclosed. */
    public boolean addressProtected() {
        return addressProtected;
    }

    @Override
    public ContactDetails contact() {
        return contact;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person p && id.equals(p.id) && cpr.equals(p.cpr) && name.equals(p.name)
                && Objects.equals(address, p.address) && addressProtected == p.addressProtected && contact.equals(p.contact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cpr, name, address, addressProtected, contact);
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", cpr=" + cpr + ", name=" + (addressProtected ? "<protected>" : name)
                + ", address=" + (addressProtected ? "<protected>" : address) + ", addressProtected=" + addressProtected + "]";
    }

    /** Builds a {@link Person}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private PartyId id;
        private Cpr cpr;
        private String name;
        private Address address;
        private boolean addressProtected;
        private ContactDetails contact = ContactDetails.none();

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(PartyId value) {
            this.id = value;
            return this;
        }

        /** Sets the CPR number. */
        public Builder cpr(Cpr value) {
            this.cpr = value;
            return this;
        }

        /** Sets the name. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Sets the address ({@code null} for unknown). */
        public Builder address(Address value) {
            this.address = value;
            return this;
        }

        /** Marks the address as protected. */
        public Builder addressProtected(boolean value) {
            this.addressProtected = value;
            return this;
        }

        /** Sets the contact details ({@code null} means none). */
        public Builder contact(ContactDetails value) {
            this.contact = value == null ? ContactDetails.none() : value;
            return this;
        }

        /**
         * Builds the person.
         *
         * @return the person
         * @throws dk.rammearkitektur.core.ValidationException listing every violation under {@code person}
         */
        public Person build() {
            Violations v = Violations.at("person");
            Checks.required(v, "id", id);
            Checks.required(v, "cpr", cpr);
            Checks.text(v, "name", name, 200);
            v.throwIfAny();
            return new Person(this);
        }
    }
}
