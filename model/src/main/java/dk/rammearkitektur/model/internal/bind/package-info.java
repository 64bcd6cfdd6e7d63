/**
 * Mutable binding classes for JSON (Jackson) and XML (Jakarta XML Binding) and their mapping to and from the
 * immutable model. Element and property names are the same in both formats. Internal.
 */
@XmlSchema(namespace = "urn:dk:rammearkitektur:model:1", elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "ra", namespaceURI = "urn:dk:rammearkitektur:model:1"))
@XmlAccessorType(XmlAccessType.FIELD)
package dk.rammearkitektur.model.internal.bind;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
