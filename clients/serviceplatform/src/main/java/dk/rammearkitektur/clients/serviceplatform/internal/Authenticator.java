package dk.rammearkitektur.clients.serviceplatform.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Adds what the auth model needs to an envelope: an InvocationContext in the request element, or a signed WS-Security header. */
public interface Authenticator {
    /** Decorates the envelope in place; called once per attempt. */
    void apply(Document envelope, Element header, Element body, CallInfo call);
}
