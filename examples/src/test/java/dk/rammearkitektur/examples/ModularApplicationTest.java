package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
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
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
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
 * packages are not (the one qualified export is the client foundation's implementation package, to the client modules),
 * no module requires a module above it, and the reflective parts (Jackson, JAXB, Santuario, Bouncy Castle) work inside
 * the module layer.
 */
class ModularApplicationTest {
    /** The published SDK modules that carry a module descriptor. */
    static final List<String> SDK_MODULES = List.of("dk.rammearkitektur.core", "dk.rammearkitektur.model",
            "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common",
            "dk.rammearkitektur.clients.serviceplatform", "dk.rammearkitektur.clients.digitalpost",
            "dk.rammearkitektur.clients.stoettesystemer", "dk.rammearkitektur.clients.beskedfordeler",
            "dk.rammearkitektur.clients", "dk.rammearkitektur.sso", "dk.rammearkitektur.testkit");
    /** The client modules: the only modules the client foundation's implementation package is exported to. */
    static final Set<String> CLIENT_MODULES = Set.of("dk.rammearkitektur.clients.serviceplatform",
            "dk.rammearkitektur.clients.digitalpost", "dk.rammearkitektur.clients.stoettesystemer",
            "dk.rammearkitektur.clients.beskedfordeler");
    /** The one internal package exported at all, and only to {@link #CLIENT_MODULES}. */
    static final String CLIENTS_INTERNAL = "dk.rammearkitektur.clients.common.internal";
    /** For each SDK module, the SDK modules it may require: only modules below it, never a module above. */
    static final Map<String, Set<String>> MAY_REQUIRE = Map.ofEntries(
            Map.entry("dk.rammearkitektur.core", Set.of()),
            Map.entry("dk.rammearkitektur.model", Set.of("dk.rammearkitektur.core")),
            Map.entry("dk.rammearkitektur.signing", Set.of("dk.rammearkitektur.core")),
            Map.entry("dk.rammearkitektur.clients.common",
                    Set.of("dk.rammearkitektur.core", "dk.rammearkitektur.signing")),
            Map.entry("dk.rammearkitektur.clients.serviceplatform", Set.of("dk.rammearkitektur.core",
                    "dk.rammearkitektur.model", "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common")),
            Map.entry("dk.rammearkitektur.clients.digitalpost", Set.of("dk.rammearkitektur.core",
                    "dk.rammearkitektur.model", "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common")),
            Map.entry("dk.rammearkitektur.clients.stoettesystemer", Set.of("dk.rammearkitektur.core",
                    "dk.rammearkitektur.model", "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common")),
            Map.entry("dk.rammearkitektur.clients.beskedfordeler", Set.of("dk.rammearkitektur.core",
                    "dk.rammearkitektur.model", "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common")),
            Map.entry("dk.rammearkitektur.clients", Set.of("dk.rammearkitektur.clients.common",
                    "dk.rammearkitektur.clients.serviceplatform", "dk.rammearkitektur.clients.digitalpost",
                    "dk.rammearkitektur.clients.stoettesystemer", "dk.rammearkitektur.clients.beskedfordeler")),
            Map.entry("dk.rammearkitektur.sso", Set.of("dk.rammearkitektur.core", "dk.rammearkitektur.model",
                    "dk.rammearkitektur.signing")),
            Map.entry("dk.rammearkitektur.testkit", Set.of("dk.rammearkitektur.core", "dk.rammearkitektur.model",
                    "dk.rammearkitektur.signing", "dk.rammearkitektur.clients.common",
                    "dk.rammearkitektur.clients.serviceplatform", "dk.rammearkitektur.clients.digitalpost",
                    "dk.rammearkitektur.clients.stoettesystemer", "dk.rammearkitektur.clients.beskedfordeler",
                    "dk.rammearkitektur.clients", "dk.rammearkitektur.sso")));
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
    void theGraphResolvesFromTheDescriptors() {
        assertEquals(Set.copyOf(MAY_REQUIRE.keySet()), Set.copyOf(SDK_MODULES), "every SDK module has a layer rule");
        for (String name : SDK_MODULES) {
            Module m = layer.findModule(name).orElseThrow(() -> new AssertionError(name + " is not in the layer"));
            assertEquals(layer, m.getLayer(), name + " resolved in the application's layer, not from the class path");
            assertFalse(m.getDescriptor().isAutomatic(), name + " must have a real module-info");
            for (ModuleDescriptor.Requires r : m.getDescriptor().requires()) {
                boolean optional = r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC);
                assertTrue(optional || layer.findModule(r.name()).isPresent(),
                        name + " requires " + r.name() + ", which did not resolve");
            }
        }
        // the aggregate holds no code and hands its three client modules on
        ModuleDescriptor all = layer.findModule("dk.rammearkitektur.clients").orElseThrow().getDescriptor();
        assertEquals(Set.of(), all.packages(), "dk.rammearkitektur.clients holds no code");
        assertEquals(MAY_REQUIRE.get("dk.rammearkitektur.clients"), all.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    @Test
    void noSdkModuleRequiresAModuleAboveIt() {
        for (String name : SDK_MODULES) {
            Set<String> sdkRequires = layer.findModule(name).orElseThrow().getDescriptor().requires().stream()
                    .map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("dk.rammearkitektur."))
                    .collect(Collectors.toSet());
            Set<String> above = new java.util.TreeSet<>(sdkRequires);
            above.removeAll(MAY_REQUIRE.get(name));
            assertEquals(Set.of(), above, name + " requires modules above it");
        }
    }

    @Test
    void everySdkModuleHasADescriptorThatExportsItsApiAndNoInternalPackage() {
        for (String name : SDK_MODULES) {
            Module m = layer.findModule(name).orElseThrow();
            assertFalse(m.getDescriptor().isAutomatic(), name + " must have a real module-info");
            Set<String> exported = m.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
            if (!m.getPackages().isEmpty()) {
                assertTrue(exported.stream().anyMatch(p -> p.equals(name) || p.startsWith(name + ".")),
                        name + " exports its API: " + exported);
            }
            for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                if (e.source().contains(".internal")) {
                    assertEquals(CLIENTS_INTERNAL, e.source(), name + " exports an internal package");
                    assertTrue(e.isQualified(), name + " exports " + e.source() + " to everyone");
                    assertEquals(CLIENT_MODULES, e.targets(), name + " exports " + e.source() + " beyond the clients");
                }
            }
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
    void theClientFoundationsInternalsReachTheClientModulesOnly() {
        Module common = layer.findModule("dk.rammearkitektur.clients.common").orElseThrow();
        for (String client : CLIENT_MODULES) {
            assertTrue(common.isExported(CLIENTS_INTERNAL, layer.findModule(client).orElseThrow()), client);
        }
        for (String other : List.of("dk.rammearkitektur.testkit", "dk.rammearkitektur.clients",
                "dk.rammearkitektur.model")) {
            assertFalse(common.isExported(CLIENTS_INTERNAL, layer.findModule(other).orElseThrow()), other);
        }
        Module testkit = layer.findModule("dk.rammearkitektur.testkit").orElseThrow();
        for (String pkg : testkit.getPackages()) {
            assertEquals(!pkg.contains(".internal"), testkit.isExported(pkg), "testkit's package " + pkg);
        }
    }

    @Test
    void aMemoMessageReadsAndWritesInsideTheLayer() throws Exception {
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(UUID.randomUUID()).label("Brev")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr("0101901234").label("Bo Berg").build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"), MainDocument.of("Brev",
                        MemoFile.pdf("brev.pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))).build())
                .build();
        byte[] xml = MemoXml.toBytes(m);

        Class<?> memoType = load("dk.rammearkitektur.clients.digitalpost",
                "dk.rammearkitektur.clients.digitalpost.memo.MemoMessage");
        Class<?> memoXml = load("dk.rammearkitektur.clients.digitalpost",
                "dk.rammearkitektur.clients.digitalpost.memo.MemoXml");
        assertEquals("dk.rammearkitektur.clients.digitalpost", memoXml.getModule().getName());
        Object inLayer = memoXml.getMethod("read", InputStream.class).invoke(null, new ByteArrayInputStream(xml));
        assertEquals(memoType, inLayer.getClass());
        assertArrayEquals(xml, (byte[]) memoXml.getMethod("toBytes", memoType).invoke(null, inLayer));
    }

    @Test
    void theTestkitsPkiWorksInsideTheLayer() throws Exception {
        Class<?> pkiType = load("dk.rammearkitektur.testkit", "dk.rammearkitektur.testkit.pki.TestPki");
        Object pki = pkiType.getMethod("generateFast", long.class).invoke(null, 1L);
        Object identity = pkiType.getMethod("oces3Organisation").invoke(pki);
        X509Certificate cert = (X509Certificate) identity.getClass().getMethod("certificate").invoke(identity);
        cert.verify(((X509Certificate) pkiType.getMethod("oces3IssuingCa").invoke(pki)).getPublicKey());
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
