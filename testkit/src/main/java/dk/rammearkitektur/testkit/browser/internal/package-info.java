/**
 * A headless Chromium for browser tests of the SDK's own pages (the simulators' web console, login examples), driven
 * over the Chrome DevTools Protocol with the JDK's WebSocket client. Not exported; not API: other modules' tests use
 * it from the class path.
 */
package dk.rammearkitektur.testkit.browser.internal;
