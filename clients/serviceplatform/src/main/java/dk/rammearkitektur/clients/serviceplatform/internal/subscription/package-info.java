/** Hand-written JAXB requests and the DOM reply reader of SF6002 CPR Abonnement (CprSubscriptionService 1; internal). */
@XmlSchema(namespace = "http://serviceplatformen.dk/xml/wsdl/soap11/CprSubscriptionService/1/",
        elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package dk.rammearkitektur.clients.serviceplatform.internal.subscription;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
