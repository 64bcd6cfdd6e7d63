/**
 * Serviceplatformen clients: CPR (SF1520), CPR subscription (SF6002), CVR (SF1530) and Organisation (SF1500),
 * authenticated with an InvocationContext or an STS holder-of-key token. Exports its API package only; the JAXB message classes are opened
 * to JAXB.
 */
module dk.rammearkitektur.clients.serviceplatform {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.model;
    requires java.net.http;
    requires jakarta.xml.bind;
    requires org.slf4j;

    exports dk.rammearkitektur.clients.serviceplatform;

    opens dk.rammearkitektur.clients.serviceplatform.internal.cpr to jakarta.xml.bind;
    opens dk.rammearkitektur.clients.serviceplatform.internal.cvr to jakarta.xml.bind;
    opens dk.rammearkitektur.clients.serviceplatform.internal.org to jakarta.xml.bind;
    opens dk.rammearkitektur.clients.serviceplatform.internal.subscription to jakarta.xml.bind;
}
