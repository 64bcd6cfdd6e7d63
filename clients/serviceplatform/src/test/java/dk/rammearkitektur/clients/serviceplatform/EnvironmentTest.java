package dk.rammearkitektur.clients.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void presetsAndServiceEndpoints() {
        assertSame(Environment.TEST, Environment.parse("test"));
        assertSame(Environment.PRODUCTION, Environment.parse("PROD"));
        assertEquals(URI.create("https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4"),
                PersonBaseDataExtendedService.INSTANCE.endpoint(Environment.TEST));
        assertEquals(URI.create("https://prod.serviceplatformen.dk/service/CVR/Online/2"),
                CvrOnlineService.INSTANCE.endpoint(Environment.PRODUCTION));
        assertEquals(URI.create("https://organisation.stoettesystemerne.dk/organisation/organisationsystem/6/"),
                OrganisationService.INSTANCE.endpoint(Environment.PRODUCTION));
    }

    @Test
    void customBaseServesEverything() {
        Environment e = Environment.parse("https://127.0.0.1:8443");
        assertEquals(URI.create("https://127.0.0.1:8443/service/CPR/PersonBaseDataExtended/4"),
                PersonBaseDataExtendedService.INSTANCE.endpoint(e));
        assertEquals(URI.create("https://127.0.0.1:8443/runtime/api/rest/wstrust/v1/issue"), e.stsRest());
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        Environment.custom(URI.create("http://localhost:8080/"));
        ValidationException ex = assertThrows(ValidationException.class,
                () -> Environment.custom(URI.create("http://example.org/")));
        assertTrue(ex.getMessage().contains("environment.serviceBase: must use https"), ex.getMessage());
        assertThrows(ValidationException.class, () -> Environment.parse("not a url"));
    }

    @Test
    void baseMustEndWithSlash() {
        ValidationException ex = assertThrows(ValidationException.class, () -> new Environment("x",
                URI.create("https://a.dk/service"), URI.create("https://a.dk/"), URI.create("https://a.dk/s"),
                URI.create("https://a.dk/r")));
        assertEquals("environment.serviceBase: must end with /", ex.getMessage());
    }

    @Test
    void presetsUseTheCurrentN2adgangsstyringStsHosts() {
        assertEquals(URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
                Environment.TEST.stsSoap());
        assertEquals(URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
                Environment.TEST.stsRest());
        assertEquals(URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
                Environment.PRODUCTION.stsSoap());
        assertEquals(URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
                Environment.PRODUCTION.stsRest());
    }

    @Test
    void eachUrlCanBeOverriddenAloneAndIsChecked() {
        URI sts = URI.create("https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed");
        Environment e = Environment.TEST.withStsSoap(sts);
        assertEquals(sts, e.stsSoap());
        assertEquals(Environment.TEST.stsRest(), e.stsRest());
        assertEquals(Environment.TEST.serviceBase(), e.serviceBase());
        assertEquals(Environment.TEST.organisationBase(), e.organisationBase());
        assertEquals(URI.create("https://r.dk/x"), e.withStsRest(URI.create("https://r.dk/x")).stsRest());
        assertEquals(URI.create("https://s.dk/"), e.withServiceBase(URI.create("https://s.dk/")).serviceBase());
        assertEquals(URI.create("https://o.dk/"), e.withOrganisationBase(URI.create("https://o.dk/")).organisationBase());
        assertEquals("mine", e.withName("mine").name());
        ValidationException ex = assertThrows(ValidationException.class,
                () -> Environment.TEST.withStsRest(URI.create("http://example.org/issue")));
        assertTrue(ex.getMessage().contains("environment.stsRest: must use https"), ex.getMessage());
        assertThrows(ValidationException.class, () -> Environment.TEST.withOrganisationBase(URI.create("https://o.dk/x")));
    }
}
