package dk.rammearkitektur.clients.serviceplatform.internal.org;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigInteger;

/** The SF1500 Organisation 6 request message and the namespaces of its reply. */
public final class OrganisationMessages {
    /** OrganisationSystem 6 operations. */
    public static final String STS = "http://stoettesystemerne.dk/organisation/organisationsystem/6/";
    /** The shared LoRa types (SagDokObjekt). */
    public static final String SD = "urn:oio:sagdok:3.0.0";
    /** Organisation 6. */
    public static final String ORGANISATION = "http://stoettesystemerne.dk/organisation/organisation/6/";
    /** OrganisationEnhed 6. */
    public static final String ENHED = "http://stoettesystemerne.dk/organisation/organisationenhed/6/";
    /** OrganisationFunktion 6. */
    public static final String FUNKTION = "http://stoettesystemerne.dk/organisation/organisationfunktion/6/";
    /** Bruger 6. */
    public static final String BRUGER = "http://stoettesystemerne.dk/organisation/bruger/6/";
    /** The common Organisation 6 types (Gyldighed). */
    public static final String FAELLES = "http://stoettesystemerne.dk/organisation/6/";
    /** The operation's SOAP action (published binding; {@code soapActionRequired="false"}). */
    public static final String ACTION = "http://kombit.dk/sts/organisation/organisationssystem/fremsoegobjekthierarki";

    private OrganisationMessages() {
    }

    /**
     * {@code FremsoegObjekthierarkiInput} (extends {@code sd:SoegInputType}): one page. There is no CVR field; the
     * organisation is the one of the token's CVR.
     */
    @XmlRootElement(name = "FremsoegObjekthierarkiInput")
    @XmlType(propOrder = {"foersteResultatReference", "maksimalAntalKvantitet"})
    public static class Input {
        /** The index of the first result (0 for the first page). */
        @XmlElement(name = "FoersteResultatReference", namespace = SD)
        public BigInteger foersteResultatReference;
        /** The most results on the page. */
        @XmlElement(name = "MaksimalAntalKvantitet", namespace = SD)
        public BigInteger maksimalAntalKvantitet;
    }
}
