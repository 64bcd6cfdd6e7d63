package dk.rammearkitektur.clients.serviceplatform.internal.org;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** The SF1500 request and response messages. */
public final class OrganisationMessages {
    private OrganisationMessages() {
    }

    /** FremsoegObjekthierarkiInput. */
    @XmlRootElement(name = "FremsoegObjekthierarkiInput")
    public static class Input {
        @XmlElement(name = "MyndighedCvrNummer", required = true)
        public String myndighedCvrNummer;
    }

    /** FremsoegObjekthierarkiOutput. */
    @XmlRootElement(name = "FremsoegObjekthierarkiOutput")
    public static class Output {
        @XmlElement(name = "OrganisationUUID")
        public String organisationUuid;
        @XmlElement(name = "OrganisationNavn")
        public String organisationNavn;
        @XmlElementWrapper(name = "OrgEnheder")
        @XmlElement(name = "OrgEnhed")
        public List<OrgEnhed> orgEnheder = new ArrayList<>();
        @XmlElementWrapper(name = "Brugere")
        @XmlElement(name = "Bruger")
        public List<Bruger> brugere = new ArrayList<>();
    }

    /** OrgEnhedType. */
    public static class OrgEnhed {
        @XmlElement(name = "UUIDIdentifikator")
        public String uuid;
        @XmlElement(name = "BrugervendtNoegle")
        public String brugervendtNoegle;
        @XmlElement(name = "EnhedNavn")
        public String enhedNavn;
        @XmlElement(name = "OverordnetUUID")
        public String overordnetUuid;
    }

    /** BrugerType. */
    public static class Bruger {
        @XmlElement(name = "UUIDIdentifikator")
        public String uuid;
        @XmlElement(name = "BrugerNavn")
        public String brugerNavn;
        @XmlElement(name = "Navn")
        public String navn;
        @XmlElement(name = "TilknyttetEnhedUUID")
        public List<String> tilknyttetEnhedUuid = new ArrayList<>();
    }
}
