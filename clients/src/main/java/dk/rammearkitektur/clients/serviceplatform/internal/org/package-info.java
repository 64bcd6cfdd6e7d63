/** Hand-written JAXB types for the SF1500 Organisation 6 contract (internal). */
@XmlSchema(namespace = "urn:oio:sts:organisation:wsdl:1.1.0", elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package dk.rammearkitektur.clients.serviceplatform.internal.org;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
