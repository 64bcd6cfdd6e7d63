/** Implementation details of the signing module; not API, may change at any time. */
package dk.rammearkitektur.signing.internal;
