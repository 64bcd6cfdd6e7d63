/**
 * Receiving events by push (SF1461 BeskedFåTilsendt): the Beskedfordeler posts each event as
 * {@code ModtagBeskedInput} to the application's HTTPS callback with mutual TLS. {@link
 * dk.rammearkitektur.clients.beskedfordeler.push.PushReceiver} does the work for any HTTP framework; {@link
 * dk.rammearkitektur.clients.beskedfordeler.push.PushServlet} mounts it in a Jakarta Servlet container and {@link
 * dk.rammearkitektur.clients.beskedfordeler.push.PushServer} serves it on its own.
 */
package dk.rammearkitektur.clients.beskedfordeler.push;
