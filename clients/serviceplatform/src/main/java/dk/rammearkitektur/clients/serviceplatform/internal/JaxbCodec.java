package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationMessages;
import dk.rammearkitektur.clients.serviceplatform.internal.subscription.CprSubscriptionMessages;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;

/** One JAXB context for every message type, created once; one marshaller and unmarshaller per thread, reused. */
public final class JaxbCodec {
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(PersonLookupRequest.class, PersonLookupResponse.class,
                    CvrMessages.GetLegalUnitRequest.class, CvrMessages.GetLegalUnitResponse.class,
                    CvrMessages.GetProductionUnitRequest.class, CvrMessages.GetProductionUnitResponse.class,
                    CvrMessages.SearchLegalUnitRequest.class, CvrMessages.SearchLegalUnitResponse.class,
                    OrganisationMessages.Input.class, CprSubscriptionMessages.AddPnrSubscription.class,
                    CprSubscriptionMessages.RemovePnrSubscription.class, CprSubscriptionMessages.GetAllFilters.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ThreadLocal<Marshaller> MARSHALLER = ThreadLocal.withInitial(() -> {
        try {
            return CONTEXT.createMarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB marshaller", e);
        }
    });
    private static final ThreadLocal<Unmarshaller> UNMARSHALLER = ThreadLocal.withInitial(() -> {
        try {
            return CONTEXT.createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create a JAXB unmarshaller", e);
        }
    });

    private JaxbCodec() {
    }

    /** Marshals {@code message} as the last child of {@code parent}. */
    public static void marshal(Object message, Element parent) {
        try {
            MARSHALLER.get().marshal(message, parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Unmarshals the element {@code reader} is positioned on as {@code type}, consuming it up to its end tag;
     * anything unexpected is a malformed reply.
     */
    public static <T> T unmarshal(javax.xml.stream.XMLStreamReader reader, Class<T> type) {
        String name = reader.getLocalName();
        try {
            Object o = UNMARSHALLER.get().unmarshal(reader);
            if (o instanceof jakarta.xml.bind.JAXBElement<?> je) {
                o = je.getValue();
            }
            if (!type.isInstance(o)) {
                throw new ReplyShapeException("reply body is " + name + ", expected " + type.getSimpleName(), null);
            }
            return type.cast(o);
        } catch (JAXBException e) {
            throw new ReplyShapeException("reply body could not be read: " + e.getMessage(), e);
        }
    }

    /** Unmarshals {@code element} as {@code type}; anything unexpected is a malformed reply. */
    public static <T> T unmarshal(Element element, Class<T> type) {
        try {
            Object o = UNMARSHALLER.get().unmarshal(element);
            if (o instanceof jakarta.xml.bind.JAXBElement<?> je) {
                o = je.getValue();
            }
            if (!type.isInstance(o)) {
                throw new ReplyShapeException("reply body is " + element.getLocalName() + ", expected "
                        + type.getSimpleName(), null);
            }
            return type.cast(o);
        } catch (JAXBException e) {
            throw new ReplyShapeException("reply body could not be read: " + e.getMessage(), e);
        }
    }
}
