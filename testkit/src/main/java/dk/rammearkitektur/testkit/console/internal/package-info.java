/**
 * The simulators' web console ({@code ServiceplatformSimulator.startConsole}): server-rendered HTML pages, HTML
 * escaping with CPR masking, form decoding and the CSRF check. Not exported; not API.
 */
package dk.rammearkitektur.testkit.console.internal;
