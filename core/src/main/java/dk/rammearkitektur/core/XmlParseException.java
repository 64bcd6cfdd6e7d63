package dk.rammearkitektur.core;

/**
 * An XML document was not well-formed or not valid against its schema. Its message gives the line and column where
 * known. A parser quotes the document in its messages (an element name may carry a number), so every CPR-shaped number
 * is masked wherever it stands, in the message and in the messages of the causes.
 */
public class XmlParseException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public XmlParseException(String message, Throwable cause) {
        super(PersonalData.maskCprNumbersAnywhere(message), PersonalData.withoutCprNumbers(cause));
    }
}
