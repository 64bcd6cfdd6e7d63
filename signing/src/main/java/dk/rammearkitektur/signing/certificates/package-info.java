/**
 * Certificate validation against configured trust anchors: start with
 * {@link dk.rammearkitektur.signing.certificates.CertificateValidator#builder()}; the outcome is a
 * {@link dk.rammearkitektur.signing.certificates.CertificateReport} saying exactly why a certificate was refused.
 */
package dk.rammearkitektur.signing.certificates;
