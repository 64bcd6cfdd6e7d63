package dk.rammearkitektur.model.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.rammearkitektur.core.ValidationException;

/** Turns Jackson's exceptions into our {@link ValidationException}, with the path taken from Jackson's path. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** The exception for {@code e}, paths under {@code root}. Never repeats the offending value. */
    public static ValidationException toValidation(JsonProcessingException e, String root) {
        if (e instanceof JsonMappingException jm && jm.getCause() instanceof ValidationException ve) {
            String prefix = path(root, jm);
            return prefix.equals(root) ? ve : ve.under(prefix);
        }
        if (e instanceof JsonMappingException jm) {
            String path = path(root, jm);
            String rule;
            if (e instanceof UnrecognizedPropertyException) {
                rule = "is not a known property";
            } else if (e instanceof InvalidTypeIdException) {
                rule = "has a missing or unknown kind";
            } else if (e instanceof MismatchedInputException) {
                rule = "has the wrong JSON type or form" + where(e.getLocation());
            } else {
                rule = "cannot be read" + where(e.getLocation());
            }
            return new ValidationException(path, rule);
        }
        return new ValidationException(root, "is not well-formed JSON" + where(e.getLocation()));
    }

    private static String path(String root, JsonMappingException e) {
        StringBuilder b = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
