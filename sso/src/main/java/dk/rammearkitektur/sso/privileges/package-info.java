/**
 * The OIO basic privilege profile (OIO-BPP): the privilege list a Context Handler or NemLog-in assertion carries, base64
 * in the {@code privilegesIntermediate} attribute. {@link dk.rammearkitektur.sso.privileges.PrivilegeList} reads it (both
 * published namespaces) and writes it; {@link dk.rammearkitektur.sso.privileges.UserRights} answers the access question
 * for one organisation with an {@link dk.rammearkitektur.sso.privileges.AccessDecision} that says which group granted it or
 * why it was refused. Semantics and sources: {@code docs/caseworker-login.md}, section "Privileges".
 */
package dk.rammearkitektur.sso.privileges;
