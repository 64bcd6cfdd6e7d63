package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/** How to reach a party (kontaktoplysninger): e-mail and phone, each optional. */
public final class ContactDetails {
    private static final ContactDetails NONE = new ContactDetails(null, null);

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
            v.require(isEmail(email), "email", "must be an e-mail address");
        }
        if (phone != null) {
            v.require(isPhone(phone), "phone", "must be 8 to 20 digits and spaces, optionally starting with +");
        }
        v.throwIfAny();
        return email == null && phone == null ? NONE : new ContactDetails(email, phone);
    }

    /** One {@code @}, no whitespace, a non-empty local part and a domain with a dot inside it. */
    private static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || s.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        int dot = s.indexOf('.', at + 2);
        return dot >= 0 && dot < s.length() - 1;
    }

    /** An optional {@code +}, then 8 to 20 digits and spaces, starting and ending with a digit. */
    private static boolean isPhone(String s) {
        int start = s.startsWith("+") ? 1 : 0;
        int n = s.length() - start;
        if (n < 8 || n > 20) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean edge = i == start || i == s.length() - 1;
            if (!(c >= '0' && c <= '9') && (edge || c != ' ')) {
                return false;
            }
        }
        return true;
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
