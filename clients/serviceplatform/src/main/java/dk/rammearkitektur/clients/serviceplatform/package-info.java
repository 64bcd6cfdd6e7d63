/**
 * Typed clients for Serviceplatformen (KOMBIT's integration platform): CPR person lookup (SF1520), CVR lookup
 * (SF1530) and Organisation read (SF1500 Organisation 6), over SOAP 1.1 or 1.2 (each binding's) with mutual TLS,
 * authorised either by an InvocationContext or by an STS-issued SAML token (SF1500: tokens only).
 *
 * <p>Start with {@link dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient#builder()}. Each service is
 * described by one {@link dk.rammearkitektur.clients.serviceplatform.ServiceDescription}. Failures are typed: bad
 * input is a {@link dk.rammearkitektur.core.ValidationException}, the platform's SOAP faults
 * {@link dk.rammearkitektur.core.ServiceFaultException}, and transport problems the
 * subclasses of {@link dk.rammearkitektur.core.TransportException}, the error model every client shares.
 */
package dk.rammearkitektur.clients.serviceplatform;
