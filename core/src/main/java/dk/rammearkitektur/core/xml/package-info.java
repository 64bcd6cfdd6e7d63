/**
 * Hardened XML processing. Start from {@link dk.rammearkitektur.core.xml.SecureXml}: every parser, transformer and
 * schema validator the SDK uses comes from it.
 */
package dk.rammearkitektur.core.xml;
