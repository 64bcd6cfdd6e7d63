/**
 * The SF1500 Organisation 6 messages (internal): the {@code FremsoegObjekthierarkiInput} request as JAXB type in the
 * published namespace {@code http://stoettesystemerne.dk/organisation/organisationsystem/6/}, and a DOM reader for
 * the {@code FremsoegObjekthierarkiOutput} reply.
 */
@XmlSchema(namespace = OrganisationMessages.STS, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "sts", namespaceURI = OrganisationMessages.STS),
        @XmlNs(prefix = "sd", namespaceURI = OrganisationMessages.SD)})
@XmlAccessorType(XmlAccessType.FIELD)
package dk.rammearkitektur.clients.serviceplatform.internal.org;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
