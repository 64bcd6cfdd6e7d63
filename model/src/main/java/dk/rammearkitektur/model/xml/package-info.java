/**
 * XML for the model against the published schema {@code rammearkitektur-model-1.xsd}: start with
 * {@link dk.rammearkitektur.model.xml.ModelXml#write(Object)} and
 * {@link dk.rammearkitektur.model.xml.ModelXml#read(byte[], Class)}.
 */
package dk.rammearkitektur.model.xml;
