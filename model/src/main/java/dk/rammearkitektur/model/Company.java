package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/** A company (virksomhed) identified by CVR number, optionally a production unit (P-number), with name and address. */
public final class Company implements Party {
    private final PartyId id;
    private final Cvr cvr;
    private final PNumber pNumber;
    private final String name;
    private final Address address;
    private final ContactDetails contact;

    private Company(Builder b) {
        this.id = b.id;
        this.cvr = b.cvr;
        this.pNumber = b.pNumber;
        this.name = b.name;
        this.address = b.address;
        this.contact = b.contact;
    }

    /** A builder; {@code id}, {@code cvr} and {@code name} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this company's values. */
    public Builder toBuilder() {
        return new Builder().id(id).cvr(cvr).pNumber(pNumber).name(name).address(address).contact(contact);
    }

    @Override
    public PartyId id() {
        return id;
    }

    /** The CVR number. */
    public Cvr cvr() {
        return cvr;
    }

    /** The production unit, if the party is one location of the company. */
    public Optional<PNumber> pNumber() {
        return Optional.ofNullable(pNumber);
    }

    @Override
    public String name() {
        return name;
    }

    /** The address, if known. */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public ContactDetails contact() {
        return contact;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Company c && id.equals(c.id) && cvr.equals(c.cvr) && Objects.equals(pNumber, c.pNumber)
                && name.equals(c.name) && Objects.equals(address, c.address) && contact.equals(c.contact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cvr, pNumber, name, address, contact);
    }

    @Override
    public String toString() {
        return "Company[id=" + id + ", cvr=" + cvr + ", pNumber=" + pNumber + ", name=" + name + ", address=" + address + "]";
    }

    /** Builds a {@link Company}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private PartyId id;
        private Cvr cvr;
        private PNumber pNumber;
        private String name;
        private Address address;
        private ContactDetails contact = ContactDetails.none();

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(PartyId value) {
            this.id = value;
            return this;
        }

        /** Sets the CVR number. */
        public Builder cvr(Cvr value) {
            this.cvr = value;
            return this;
        }

        /** Sets the P-number ({@code null} for none). */
        public Builder pNumber(PNumber value) {
            this.pNumber = value;
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

        /** Sets the contact details ({@code null} means none). */
        public Builder contact(ContactDetails value) {
            this.contact = value == null ? ContactDetails.none() : value;
            return this;
        }

        /**
         * Builds the company.
         *
         * @return the company
         * @throws dk.rammearkitektur.core.ValidationException listing every violation under {@code company}
         */
        public Company build() {
            Violations v = Violations.at("company");
            Checks.required(v, "id", id);
            Checks.required(v, "cvr", cvr);
            Checks.text(v, "name", name, 200);
            v.throwIfAny();
            return new Company(this);
        }
    }
}
