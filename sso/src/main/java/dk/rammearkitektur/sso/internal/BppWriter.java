package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.DataConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import java.util.List;

/**
 * Writes a privilege list as XML: the root prefixed {@code bpp}, unqualified children, Privilege elements before
 * Constraint elements, constraint values joined by a comma without a space. Not API: use
 * {@link dk.rammearkitektur.sso.privileges.PrivilegeList#toXml(BppNamespace)}.
 */
public final class BppWriter {
    private BppWriter() {
    }

    /** The XML, with an XML declaration, for UTF-8 encoding. */
    public static String write(List<PrivilegeGroup> groups, BppNamespace ns) {
        StringBuilder b = new StringBuilder(256 + groups.size() * 256);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        b.append("<bpp:PrivilegeList xmlns:bpp=\"").append(ns.uri()).append("\">");
        for (PrivilegeGroup g : groups) {
            b.append("<PrivilegeGroup Scope=\"");
            escape(g.scope().uri(), b, true);
            b.append("\">");
            for (String p : g.privileges()) {
                b.append("<Privilege>");
                escape(p, b, false);
                b.append("</Privilege>");
            }
            for (DataConstraint c : g.constraints()) {
                b.append("<Constraint Name=\"");
                escape(c.name(), b, true);
                b.append("\">");
                escape(String.join(",", c.values()), b, false);
                b.append("</Constraint>");
            }
            b.append("</PrivilegeGroup>");
        }
        b.append("</bpp:PrivilegeList>");
        return b.toString();
    }

    private static void escape(String s, StringBuilder b, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
    }
}
