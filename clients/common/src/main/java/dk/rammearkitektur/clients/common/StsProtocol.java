package dk.rammearkitektur.clients.common;

/** Which of the security token service's issue endpoints the client asks for tokens. */
public enum StsProtocol {
    /** WS-Trust 1.3 RequestSecurityToken over SOAP, signed with the system certificate. */
    SOAP,
    /** The JSON issue endpoint over mutual TLS. */
    REST
}
