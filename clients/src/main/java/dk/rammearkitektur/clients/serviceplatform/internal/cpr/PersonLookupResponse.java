package dk.rammearkitektur.clients.serviceplatform.internal.cpr;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import javax.xml.datatype.XMLGregorianCalendar;

/** PersonLookupResponse: person data and address data. */
@XmlRootElement(name = "PersonLookupResponse")
public class PersonLookupResponse {
    public Persondata persondata;
    public Adressedata adresse;

    /** persondataType. */
    public static class Persondata {
        public String personnummer;
        public Navn navn;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar foedselsdato;
        public String koen;
        public Status status;
        public Civilstand civilstand;
        public Beskyttelse adressebeskyttelse;
    }

    /** navnType. */
    public static class Navn {
        public String personadresseringsnavn;
        public String fornavn;
        public String mellemnavn;
        public String efternavn;
    }

    /** statusType. */
    public static class Status {
        public Integer status;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar statusdato;
    }

    /** civilstandType. */
    public static class Civilstand {
        public String civilstandKode;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar civilstandsdato;
    }

    /** beskyttelseType. */
    public static class Beskyttelse {
        public Boolean beskyttet;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar startdato;
    }

    /** adressedataType. */
    public static class Adressedata {
        public Adresse aktuelAdresse;
        public Udrejse udrejseoplysninger;
    }

    /** adresseType. */
    public static class Adresse {
        public Integer kommunekode;
        public String vejnavn;
        public String husnummer;
        public String etage;
        public String sidedoer;
        public String conavn;
        public String postnummer;
        public String postdistrikt;
    }

    /** udrejseoplysningerType. */
    public static class Udrejse {
        public Integer udrejselandekode;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar udrejsedato;
        public String udlandsadresse1;
    }
}
