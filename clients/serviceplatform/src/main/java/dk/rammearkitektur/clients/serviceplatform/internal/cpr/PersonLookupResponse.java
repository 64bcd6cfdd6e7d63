package dk.rammearkitektur.clients.serviceplatform.internal.cpr;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * {@code PersonLookupResponse} of SF1520 PersonBaseDataExtended 4: the subset of {@code persondata} and
 * {@code adresse} the SDK maps, with the published types ({@code usikkerhedDatoType}, {@code usikkerhedDatoTidType},
 * {@code civilstandType}, {@code beskyttelseType}). Elements not modelled here are skipped when reading.
 */
@XmlRootElement(name = "PersonLookupResponse")
public class PersonLookupResponse {
    public Persondata persondata;
    public Adressedata adresse;

    /** persondataType. */
    public static class Persondata {
        public String personnummer;
        public Navn navn;
        public UsikkerhedDato foedselsdato;
        public String koen;
        public Status status;
        public Civilstand civilstand;
        public Beskyttelse adressebeskyttelse;
        public Beskyttelse vejviserbeskyttelse;
        public Beskyttelse markedsfoeringsbeskyttelse;
    }

    /** usikkerhedDatoType: a date with the register's optional uncertainty marker. */
    public static class UsikkerhedDato {
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar dato;
        public String usikkerhedsmarkering;
    }

    /** usikkerhedDatoTidType: a date-time with the register's optional uncertainty marker. */
    public static class UsikkerhedDatoTid {
        @XmlSchemaType(name = "dateTime")
        public XMLGregorianCalendar dato;
        public String usikkerhedsmarkering;
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
        public UsikkerhedDatoTid statusdato;
    }

    /** civilstandType. */
    public static class Civilstand {
        public String civilstand;
        public UsikkerhedDatoTid civilstandsdato;
    }

    /** beskyttelseType. */
    public static class Beskyttelse {
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar startdato;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar slutdato;
        public Boolean beskyttet;
    }

    /** adressedataType. */
    public static class Adressedata {
        public Adresse aktuelAdresse;
        public Udrejse udrejseoplysninger;
    }

    /** adresseType. */
    public static class Adresse {
        public Integer kommunekode;
        public String husnummer;
        public String etage;
        public String sidedoer;
        public String conavn;
        public String postnummer;
        public String postdistrikt;
        public String vejnavn;
    }

    /** udrejseoplysningerType. */
    public static class Udrejse {
        public Integer udrejselandekode;
        public UsikkerhedDatoTid udrejsedato;
        public String udlandsadresse1;
    }
}
