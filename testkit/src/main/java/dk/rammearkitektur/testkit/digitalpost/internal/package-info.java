/** Internals of the Digital Post simulator: the streaming request reader, Base64 decoding and the platform's rules. */
package dk.rammearkitektur.testkit.digitalpost.internal;
