package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** How to reach a party (kontaktoplysninger): e-mail and phone, each optional. */
public final class ContactDetails {
    private static final ContactDetails NONE = new ContactDetails(null, null);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{6,18}[0-9]");

    private final String email;
    private final String phone;

    private ContactDetails(String email, String phone) {
        this.email = email;
        this.phone = phone;
    }

    /** No contact details. */
    public static ContactDetails none() {
        return NONE;
    }

    /**
     * Contact details; either may be {@code null}.
     *
     * @param email an e-mail address such as {@code borger@example.dk}
     * @param phone digits and spaces with an optional leading {@code +}, 8 to 20 characters
     * @return the details
     * @throws dk.rammearkitektur.core.ValidationException with paths {@code contact.email} / {@code contact.phone}
     */
    public static ContactDetails of(String email, String phone) {
        Violations v = Violations.at("contact");
        if (email != null && Checks.optionalText(v, "email", email, 254)) {
            v.require(EMAIL.matcher(email).matches(), "email", "must be an e-mail address");
        }
        if (phone != null) {
            v.require(PHONE.matcher(phone).matches(), "phone", "must be 8 to 20 digits and spaces, optionally starting with +");
        }
        v.throwIfAny();
        return email == null && phone == null ? NONE : new ContactDetails(email, phone);
    }

    /** The e-mail address, if known. */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The phone number, if known. */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** True when neither e-mail nor phone is known. */
    public boolean isEmpty() {
        return email == null && phone == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactDetails other && Objects.equals(email, other.email) && Objects.equals(phone, other.phone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, phone);
    }

    @Override
    public String toString() {
        return "ContactDetails[email=" + email + ", phone=" + phone + "]";
    }
}
