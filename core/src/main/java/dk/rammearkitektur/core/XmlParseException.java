package dk.rammearkitektur.core;

/**
 * An XML document was not well-formed or not valid against its schema. Its message gives the line and column where
 * known, with any CPR number masked.
 */
public class XmlParseException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public XmlParseException(String message, Throwable cause) {
        super(PersonalData.maskCprNumbers(message), cause);
    }
}
