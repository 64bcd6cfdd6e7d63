/**
 * The SDK's foundation: the exception hierarchy, field-path validation, CPR masking, retry and timeout policies and
 * the hardened XML factories. Exports its API packages only.
 */
module dk.rammearkitektur.core {
    requires transitive java.xml;

    exports dk.rammearkitektur.core;
    exports dk.rammearkitektur.core.xml;
}
