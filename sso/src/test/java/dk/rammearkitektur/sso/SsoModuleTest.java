package dk.rammearkitektur.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor as a vendor's modular application sees it: only the API packages are exported, nothing is
 * opened, only {@code core}, {@code model} and {@code signing} of the SDK are required, and the module resolves and reads a privilege
 * list inside a module layer (the other tests run on the class path).
 */
class SsoModuleTest {
    private static final String SSO = "dk.rammearkitektur.sso";

    private static Map<String, ModuleReference> observable() {
        Map<String, ModuleReference> found = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                    found.putIfAbsent(ref.descriptor().name(), ref);
                }
            } catch (RuntimeException notAModule) {
                // a class-path entry that is not a module (the test classes): not needed here
            }
        }
        return found;
    }

    @Test
    void descriptorExportsTheApiOnly() {
        ModuleDescriptor d = observable().get(SSO).descriptor();
        assertEquals(Set.of(SSO, SSO + ".privileges", SSO + ".sp", SSO + ".servlet"), d.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty());
        assertEquals(Set.of("dk.rammearkitektur.core", "dk.rammearkitektur.model", "dk.rammearkitektur.signing"), d.requires().stream()
                .map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("dk.rammearkitektur."))
                .collect(Collectors.toSet()));
    }

    @Test
    void resolvesAndReadsAPrivilegeListInAModuleLayer() throws Exception {
        Map<String, ModuleReference> all = observable();
        Map<String, ModuleReference> needed = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(SSO));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (needed.containsKey(name) || ModuleLayer.boot().findModule(name).isPresent()) {
                continue;
            }
            ModuleReference ref = all.get(name);
            assertNotNull(ref, "module " + name + " is required but no class-path entry provides it");
            needed.put(name, ref);
            for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    todo.push(r.name());
                }
            }
        }
        ModuleFinder only = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(needed.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.copyOf(needed.values());
            }
        };
        Configuration cf = ModuleLayer.boot().configuration().resolve(only, ModuleFinder.of(), Set.of(SSO));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> listClass = layer.findLoader(SSO).loadClass(PrivilegeList.class.getName());
        assertEquals(SSO, listClass.getModule().getName());

        String base64 = PrivilegeList.of(PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), "urn:role:x"))
                .toBase64(BppNamespace.V1_2);
        Object read = listClass.getMethod("parse", String.class).invoke(null, base64);
        Object xml = listClass.getMethod("toXml").invoke(read);
        assertTrue(xml.toString().contains("<Privilege>urn:role:x</Privilege>"), xml.toString());
        assertTrue(xml.toString().contains(BppNamespace.V1_2.uri()), xml.toString());
    }
}
