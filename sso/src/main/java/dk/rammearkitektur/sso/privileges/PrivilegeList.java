package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.internal.BppReader;
import dk.rammearkitektur.sso.internal.BppWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An OIO basic privilege profile {@code PrivilegeList}: the privilege groups a user holds, each for one scope.
 *
 * <p>{@link #parse(String)} reads the base64 value of the {@code privilegesIntermediate} attribute (OIOSAML 3) or
 * {@code Privileges_intermediate} (OIOSAML 2); {@link #parseXml(String)} the XML itself. Both accept the 1.0.1 and 1.2
 * namespaces, unqualified (or same-namespace) children, {@code Privilege} and {@code Constraint} in either order,
 * every scope kind and comma-separated constraint values with or without spaces. A privilege list is data: a DOCTYPE
 * or entity is refused ({@link dk.rammearkitektur.core.XmlSecurityException}), and a document over
 * {@value #MAX_XML_BYTES} bytes (base64 text over {@value #MAX_BASE64_CHARS} characters) is refused, a limit that is
 * the SDK's choice. Everything else that is wrong is a {@link ValidationException} naming the path, counted from 0,
 * e.g. {@code privilegeList.privilegeGroup[2].constraint[1].value[0]}. Elements the profile does not define are refused
 * too, since an unread constraint would widen the rights.
 *
 * <p>Two lists are equal when their groups are; the namespace they were read in is not part of equality.
 * {@code toString()} masks CPR scopes.
 */
public final class PrivilegeList {
    /** The largest privilege list accepted, in bytes of XML (the SDK's choice). */
    public static final int MAX_XML_BYTES = 256 * 1024;
    /** The longest base64 text accepted, white space not counted. */
    public static final int MAX_BASE64_CHARS = (MAX_XML_BYTES + 2) / 3 * 4;

    private static final PrivilegeList EMPTY = new PrivilegeList(List.of(), BppNamespace.V1_0_1);

    private final List<PrivilegeGroup> groups;
    private final BppNamespace namespace;

    private PrivilegeList(List<PrivilegeGroup> groups, BppNamespace namespace) {
        this.groups = groups;
        this.namespace = namespace;
    }

    /** A list of these groups; written in the 1.0.1 namespace unless another is asked for. */
    public static PrivilegeList of(List<PrivilegeGroup> groups) {
        if (groups == null) {
            throw new ValidationException("privilegeList", "groups are required");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null) {
                throw new ValidationException("privilegeList.privilegeGroup[" + i + "]", "must not be null");
            }
        }
        return new PrivilegeList(List.copyOf(groups), BppNamespace.V1_0_1);
    }

    /** A list of these groups. */
    public static PrivilegeList of(PrivilegeGroup... groups) {
        return of(Arrays.asList(groups));
    }

    /** The list without groups: a user without rights. */
    public static PrivilegeList empty() {
        return EMPTY;
    }

    /**
     * Reads a base64-encoded privilege list (white space in the base64 is ignored).
     *
     * @throws ValidationException for bad base64, an oversized list or a list that breaks the profile
     * @throws dk.rammearkitektur.core.XmlSecurityException for a DOCTYPE or entity
     * @throws dk.rammearkitektur.core.XmlParseException for XML that is not well-formed
     */
    public static PrivilegeList parse(String base64) {
        if (base64 == null) {
            throw new ValidationException("privilegeList", "is required");
        }
        if (base64.length() > 2 * MAX_BASE64_CHARS) {
            throw new ValidationException("privilegeList", "must be at most " + MAX_BASE64_CHARS + " base64 characters");
        }
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        if (compact.length() > MAX_BASE64_CHARS) {
            throw new ValidationException("privilegeList", "must be at most " + MAX_BASE64_CHARS + " base64 characters");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("privilegeList", "must be base64 (RFC 4648, standard alphabet, padded)");
        }
        BppReader.Read read = BppReader.read(xml);
        return new PrivilegeList(read.groups(), read.namespace());
    }

    /** Reads a privilege list from its XML text; the same rules as {@link #parse(String)}. */
    public static PrivilegeList parseXml(String xml) {
        if (xml == null) {
            throw new ValidationException("privilegeList", "is required");
        }
        if (xml.length() > MAX_XML_BYTES) {
            throw new ValidationException("privilegeList", "must be at most " + MAX_XML_BYTES + " bytes of XML");
        }
        return parseXml(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a privilege list from XML bytes (encoding from the XML declaration, UTF-8 by default). */
    public static PrivilegeList parseXml(byte[] xml) {
        if (xml == null) {
            throw new ValidationException("privilegeList", "is required");
        }
        BppReader.Read read = BppReader.read(xml);
        return new PrivilegeList(read.groups(), read.namespace());
    }

    /** The groups, in list order. */
    public List<PrivilegeGroup> groups() {
        return groups;
    }

    /** The namespace the list was read in; {@link BppNamespace#V1_0_1} for a list built with {@code of}. */
    public BppNamespace namespace() {
        return namespace;
    }

    /**
     * The rights for one organisation: the groups scoped to {@code urn:dk:gov:saml:cvrNumberIdentifier:<cvr>}.
     *
     * @throws ValidationException at path {@code cvr} unless it is 8 digits
     */
    public UserRights forCvr(String cvr) {
        PrivilegeScope scope;
        try {
            scope = PrivilegeScope.cvr(cvr);
        } catch (ValidationException e) {
            throw new ValidationException("cvr", "must be 8 digits");
        }
        return forScope(scope);
    }

    /** The rights for any scope. */
    public UserRights forScope(PrivilegeScope scope) {
        if (scope == null) {
            throw new ValidationException("scope", "is required");
        }
        return new UserRights(scope, groups);
    }

    /** The list as XML (with an XML declaration, UTF-8) in {@code ns}. */
    public String toXml(BppNamespace ns) {
        if (ns == null) {
            throw new ValidationException("namespace", "is required");
        }
        return BppWriter.write(groups, ns);
    }

    /** The list as XML in the namespace it was read in. */
    public String toXml() {
        return toXml(namespace);
    }

    /** The list as the base64 of its UTF-8 XML in {@code ns}, as an assertion attribute carries it. */
    public String toBase64(BppNamespace ns) {
        return Base64.getEncoder().encodeToString(toXml(ns).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivilegeList other && groups.equals(other.groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return "PrivilegeList" + groups;
    }
}
