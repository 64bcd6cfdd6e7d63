package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A vendor's modular application: the SDK's published modules resolve on the module path from their own descriptors
 * (the JDK's resolver, not the class path the other tests use), their API packages are exported, their internal
 * packages are not, and the reflective parts (Jackson, JAXB, Santuario, Bouncy Castle) work inside the module layer.
 */
class ModularApplicationTest {
    /** The published SDK modules that carry a module descriptor. */
    static final List<String> SDK_MODULES = List.of("dk.rammearkitektur.core", "dk.rammearkitektur.model",
            "dk.rammearkitektur.signing");
    /** What a vendor adds at run time: the JAXB implementation. */
    static final List<String> RUNTIME = List.of("org.glassfish.jaxb.runtime");

    private static ModuleLayer layer;
    private static Map<String, ModuleReference> observable;

    @BeforeAll
    static void resolve() {
        observable = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                    observable.putIfAbsent(ref.descriptor().name(), ref);
                }
            } catch (RuntimeException notAModule) {
                // a class-path entry that cannot be a module (e.g. an invalid automatic name): not needed here
            }
        }
        Map<String, ModuleReference> needed = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(SDK_MODULES);
        todo.addAll(RUNTIME);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (needed.containsKey(name) || ModuleLayer.boot().findModule(name).isPresent()) {
                continue;
            }
            ModuleReference ref = observable.get(name);
            assertTrue(ref != null, "module " + name + " is required but no jar on the class path provides it");
            needed.put(name, ref);
            for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    todo.push(r.name());
                }
            }
        }
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(needed.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.copyOf(needed.values());
            }
        };
        Set<String> roots = new java.util.HashSet<>(SDK_MODULES);
        roots.addAll(RUNTIME);
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    private static Class<?> load(String module, String className) throws ClassNotFoundException {
        return Class.forName(className, true, layer.findLoader(module));
    }

    @Test
    void everySdkModuleHasADescriptorThatExportsItsApiAndNoInternalPackage() {
        for (String name : SDK_MODULES) {
            Module m = layer.findModule(name).orElseThrow();
            assertFalse(m.getDescriptor().isAutomatic(), name + " must have a real module-info");
            Set<String> exported = m.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
            assertTrue(exported.contains(name), name + " exports its root package");
            for (String pkg : m.getPackages()) {
                if (pkg.contains(".internal")) {
                    // a qualified export or opening to one library (Jackson, JAXB, Santuario) is allowed
                    assertFalse(m.isExported(pkg), name + " exports " + pkg + " to everyone");
                    assertFalse(m.isOpen(pkg), name + " opens " + pkg + " to everyone");
                }
            }
        }
    }

    @Test
    void internalPackagesAreNotReachable() throws Exception {
        Class<?> checks = load("dk.rammearkitektur.model", "dk.rammearkitektur.model.internal.Checks");
        assertFalse(checks.getModule().isExported("dk.rammearkitektur.model.internal"));
        assertFalse(checks.getModule().isExported("dk.rammearkitektur.model.internal.bind"));
        Class<?> replay = load("dk.rammearkitektur.signing", "dk.rammearkitektur.signing.internal.InMemoryReplayCache");
        assertThrows(IllegalAccessException.class, () -> replay.getConstructor(int.class).newInstance(10));
    }

    @Test
    void theModelReadsAndWritesJsonAndXmlInsideTheLayer() throws Exception {
        Case c = Case.builder().id(CaseId.random()).caseNumber("2026-32.18.00-G01-7").title("Sygedagpenge")
                .classification(KleNumber.parse("32.18.00 G01")).caseworker(Caseworker.of(UUID.randomUUID(), "Bo Berg"))
                .owningUnit(OrganisationUnit.of(PartyId.random(), "Jobcenter")).build();
        String json = RammearkitekturJson.write(c);
        String xml = ModelXml.writeString(c);

        Class<?> caseType = load("dk.rammearkitektur.model", "dk.rammearkitektur.model.Case");
        Class<?> jsonApi = load("dk.rammearkitektur.model", "dk.rammearkitektur.model.json.RammearkitekturJson");
        Object inLayer = jsonApi.getMethod("read", String.class, Class.class).invoke(null, json, caseType);
        assertEquals(caseType, inLayer.getClass());
        assertEquals(json, jsonApi.getMethod("write", Object.class).invoke(null, inLayer));

        Class<?> xmlApi = load("dk.rammearkitektur.model", "dk.rammearkitektur.model.xml.ModelXml");
        // In a real modular application the context class loader sees the module path; here it would see the class
        // path's JAXB runtime, whose factory is not a subtype of the layer's JAXB API.
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(layer.findLoader("dk.rammearkitektur.model"));
        try {
            Object fromXml = xmlApi.getMethod("read", String.class, Class.class).invoke(null, xml, caseType);
            assertEquals(xml, xmlApi.getMethod("writeString", Object.class).invoke(null, fromXml));
            assertEquals(inLayer, fromXml);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void signaturesVerifyInsideTheLayer() throws Exception {
        TestIdentity signer = TestPki.generateFast(1).oces3Organisation();
        Document doc = SecureXml.parse("<t:E xmlns:t=\"urn:t\"><t:D Id=\"d1\">42</t:D></t:E>");
        XmlSigner.builder(signer.credential()).build().signEnveloped((Element) doc.getDocumentElement().getFirstChild());
        String signed = SecureXml.toString(doc);

        Method parse = load("dk.rammearkitektur.core", "dk.rammearkitektur.core.xml.SecureXml").getMethod("parse", String.class);
        Document inLayer = (Document) parse.invoke(null, signed);
        Class<?> trust = load("dk.rammearkitektur.signing", "dk.rammearkitektur.signing.xml.SignatureTrust");
        Object pinned = trust.getMethod("pinned", List.class).invoke(null, List.<X509Certificate>of(signer.certificate()));
        Class<?> verifierType = load("dk.rammearkitektur.signing", "dk.rammearkitektur.signing.xml.XmlSignatureVerifier");
        Object builder = verifierType.getMethod("builder", trust).invoke(null, pinned);
        Object verifier = builder.getClass().getMethod("build").invoke(builder);
        List<?> verified = (List<?>) verifierType.getMethod("verifyAll", Document.class).invoke(verifier, inLayer);
        assertEquals(1, verified.size());
        Object first = verified.get(0);
        assertEquals(List.of("d1"), first.getClass().getMethod("signedIds").invoke(first));
    }
}
