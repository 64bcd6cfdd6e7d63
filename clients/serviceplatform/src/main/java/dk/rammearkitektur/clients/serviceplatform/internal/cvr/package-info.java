/** Hand-written JAXB types for the SF1530 CVR online 2 contract (internal). */
@XmlSchema(namespace = "http://rep.oio.dk/eogs/xml/2/", elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package dk.rammearkitektur.clients.serviceplatform.internal.cvr;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
