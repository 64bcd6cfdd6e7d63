package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.spring.boot.RammearkitekturProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The STSs of the application's client beans, for {@link StsHealthIndicator}: the Serviceplatformen client's (unless
 * {@code rammearkitektur.auth} is {@code invocation-context}; checked with a token for SF1520, the starter's choice),
 * the Klassifikation and Organisation clients', the Digital Post client's and the Beskedfordeler client's (checked with a
 * token for receiving). Which endpoint (SOAP or REST) follows
 * {@code rammearkitektur.auth}; Digital Post's STS is always the REST one. A client module that is not on the class
 * path is skipped.
 */
public final class StsTargets {
    private StsTargets() {
    }

    /** The targets of the client beans in {@code beans}. */
    public static List<StsHealthIndicator.Target> of(ListableBeanFactory beans, RammearkitekturProperties properties) {
        ClassLoader loader = StsTargets.class.getClassLoader();
        boolean rest = "sts-rest".equals(properties.getAuth());
        List<StsHealthIndicator.Target> out = new ArrayList<>();
        if (present("dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient", loader)
                && !"invocation-context".equals(properties.getAuth())) {
            Serviceplatform.add(beans, rest, out);
        }
        if (present("dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient", loader)) {
            SupportSystems.add(beans, rest, out);
        }
        if (present("dk.rammearkitektur.clients.digitalpost.DigitalPostClient", loader)) {
            DigitalPost.add(beans, out);
        }
        if (present("dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient", loader)) {
            Beskedfordeler.add(beans, rest, out);
        }
        return out;
    }

    private static boolean present(String name, ClassLoader loader) {
        return ClassUtils.isPresent(name, loader);
    }

    /** Loaded only when the Serviceplatformen client is on the class path. */
    private static final class Serviceplatform {
        static void add(ListableBeanFactory beans, boolean rest, List<StsHealthIndicator.Target> out) {
            for (ServiceplatformClient c : beans.getBeansOfType(ServiceplatformClient.class).values()) {
                out.add(new StsHealthIndicator.Target("serviceplatform",
                        rest ? c.environment().stsRest() : c.environment().stsSoap(),
                        () -> c.checkSts(PersonBaseDataExtendedService.INSTANCE)));
            }
        }
    }

    /** Loaded only when the support-systems clients are on the class path. */
    private static final class SupportSystems {
        static void add(ListableBeanFactory beans, boolean rest, List<StsHealthIndicator.Target> out) {
            for (KlassifikationClient c : beans.getBeansOfType(KlassifikationClient.class).values()) {
                out.add(new StsHealthIndicator.Target("klassifikation",
                        rest ? c.environment().stsRest() : c.environment().stsSoap(), c::checkSts));
            }
            for (OrganisationClient c : beans.getBeansOfType(OrganisationClient.class).values()) {
                out.add(new StsHealthIndicator.Target("organisation",
                        rest ? c.environment().stsRest() : c.environment().stsSoap(), c::checkSts));
            }
        }
    }

    /** Loaded only when the Digital Post client is on the class path. */
    private static final class DigitalPost {
        static void add(ListableBeanFactory beans, List<StsHealthIndicator.Target> out) {
            for (DigitalPostClient c : beans.getBeansOfType(DigitalPostClient.class).values()) {
                out.add(new StsHealthIndicator.Target("digital-post", c.environment().stsRest(), c::checkSts));
            }
        }
    }

    /** Loaded only when the Beskedfordeler client is on the class path. */
    private static final class Beskedfordeler {
        static void add(ListableBeanFactory beans, boolean rest, List<StsHealthIndicator.Target> out) {
            for (BeskedfordelerClient c : beans.getBeansOfType(BeskedfordelerClient.class).values()) {
                out.add(new StsHealthIndicator.Target("beskedfordeler",
                        rest ? c.environment().stsRest() : c.environment().stsSoap(), c::checkSts));
            }
        }
    }
}
