package dk.rammearkitektur.testkit.console.internal;

import dk.rammearkitektur.core.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decoded {@code application/x-www-form-urlencoded} body: names to values, each name once. Malformed input (a bad
 * percent escape, bytes that are not UTF-8, a repeated name, too many fields) is a {@link ValidationException} naming
 * the field and the rule.
 */
public final class ConsoleForm {
    /** The most fields a form may have. */
    static final int MAX_FIELDS = 32;

    private final Map<String, String> fields;

    private ConsoleForm(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * Decodes {@code body}.
     *
     * @param body the request body, e.g. {@code a=1&b=x+y}
     * @return the fields
     * @throws ValidationException when the body is not a well-formed form
     */
    public static ConsoleForm parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new ConsoleForm(out);
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "form");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "form." + name);
            if (out.containsKey(name)) {
                throw new ValidationException("form." + name, "must be given once");
            }
            if (out.size() == MAX_FIELDS) {
                throw new ValidationException("form", "must have at most " + MAX_FIELDS + " fields");
            }
            out.put(name, value);
        }
        return new ConsoleForm(out);
    }

    private static String decode(String s, String path) {
        byte[] bytes = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new ValidationException(path, "must use %XX escapes with two hex digits");
                }
                bytes[n++] = (byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw new ValidationException(path, "must be URL-encoded ASCII");
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(path, "must be UTF-8");
        }
    }

    /**
     * The value of field {@code name}.
     *
     * @param name the field name
     * @return the value
     * @throws ValidationException when the field is missing
     */
    public String required(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new ValidationException("form." + name, "is required");
        }
        return v;
    }

    /**
     * The value of field {@code name}, or {@code absent}.
     *
     * @param name the field name
     * @param absent what a missing field gives
     * @return the value or {@code absent}
     */
    public String optional(String name, String absent) {
        return fields.getOrDefault(name, absent);
    }

    /** The fields in their order. */
    public Map<String, String> fields() {
        return fields;
    }
}
