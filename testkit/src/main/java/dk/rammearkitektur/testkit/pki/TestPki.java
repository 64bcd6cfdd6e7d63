package dk.rammearkitektur.testkit.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A public test PKI in the OCES2 and OCES3 layouts, deterministic from a seed: the same seed always gives the same
 * keys and certificates. Never use it outside tests.
 *
 * <ul>
 *   <li>OCES3: root and issuing CA signed with RSASSA-PSS SHA-512; leaves ({@link #oces3Organisation()},
 *       {@link #oces3Employee()}) with {@code SERIALNUMBER=UI:DK-O:G:<uuid>} / {@code UI:DK-E:G:<uuid>},
 *       {@code organizationIdentifier=NTRDK-<cvr>}; {@link #oces3Person()} with {@code UI:DK-P:G:<uuid>}.</li>
 *   <li>OCES2: SHA-256 RSA CAs; leaves with {@code SERIALNUMBER=CVR:<cvr>-FID:|UID:|RID:<n>} + {@code CN} in one RDN
 *       and {@code O=<org> // CVR:<cvr>}; {@link #oces2Person()} with {@code PID:<pid>}.</li>
 *   <li>Variants under the OCES3 issuing CA: {@link #expired()}, {@link #notYetValid()}, {@link #revoked()},
 *       {@link #wrongKeyUsage()} (these four share one key pair); {@link #crls()} and {@link #startOcspResponder()}
 *       report the revoked one.</li>
 * </ul>
 * Validity periods are fixed: CAs 2020 to 2050, leaves 2025 to 2035 (expired: 2021 to 2024; not yet valid: from
 * 2040), so certificates are valid against the system clock for years. Keys are generated lazily and PKIs are cached
 * per seed and key size within a JVM. Start with {@link #generateFast(long)} (RSA 2048 everywhere) for speed or
 * {@link #generate(long)} (RSA 3072 for OCES3, as in production).
 */
public final class TestPki {
    static final Date REVOCATION_DATE = Date.from(Instant.parse("2025-06-01T00:00:00Z"));
    private static final Instant CA_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CA_TO = Instant.parse("2050-01-01T00:00:00Z");
    private static final Instant LEAF_FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LEAF_TO = Instant.parse("2035-01-01T00:00:00Z");
    private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");
    private static final Provider BC = new BouncyCastleProvider();
    private static final Map<String, TestPki> CACHE = new ConcurrentHashMap<>();

    private final long seed;
    private final int oces3Bits;
    private final String cvr;
    private final Map<String, Object> made = new java.util.HashMap<>();

    private record Ca(X509Certificate certificate, PrivateKey key) {
    }

    private TestPki(long seed, int oces3Bits) {
        this.seed = seed;
        this.oces3Bits = oces3Bits;
        this.cvr = validCvr(random("cvr"));
    }

    /** The PKI for {@code seed} with production key sizes (RSA 3072 in OCES3, 2048 in OCES2). Slower to generate. */
    public static TestPki generate(long seed) {
        return CACHE.computeIfAbsent(seed + "/3072", k -> new TestPki(seed, 3072));
    }

    /** The PKI for {@code seed} with RSA 2048 keys everywhere, for fast tests. */
    public static TestPki generateFast(long seed) {
        return CACHE.computeIfAbsent(seed + "/2048", k -> new TestPki(seed, 2048));
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The organisation's CVR number (8 digits with a valid modulus-11 check) used in every leaf. */
    public String cvr() {
        return cvr;
    }

    /** The OCES3 root CA (RSASSA-PSS SHA-512, self-signed): the OCES3 trust anchor. */
    public X509Certificate oces3Root() {
        return oces3RootCa().certificate();
    }

    /** The OCES3 issuing CA (signed by the root with RSASSA-PSS SHA-512). */
    public X509Certificate oces3IssuingCa() {
        return oces3Ca().certificate();
    }

    /** The OCES2 root CA: the OCES2 trust anchor. */
    public X509Certificate oces2Root() {
        return oces2RootCa().certificate();
    }

    /** The OCES2 issuing CA. */
    public X509Certificate oces2IssuingCa() {
        return oces2Ca().certificate();
    }

    /** Both roots, OCES3 first. */
    public List<X509Certificate> trustAnchors() {
        return List.of(oces3Root(), oces2Root());
    }

    /** Both roots as PEM text, OCES3 first. */
    public String trustAnchorsPem() {
        return dk.rammearkitektur.signing.Pem.encode(trustAnchors());
    }

    /** An OCES3 organisation (system) certificate: {@code UI:DK-O:G:<uuid>}, digitalSignature + keyEncipherment. */
    public TestIdentity oces3Organisation() {
        return leaf("oces3-organisation", true, "UI:DK-O:G:", "Rammearkitektur Testsystem", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, "rsa");
    }

    /** A second, unrelated OCES3 organisation certificate (another key), e.g. for key-substitution tests. */
    public TestIdentity oces3OtherOrganisation() {
        return leaf("oces3-other", true, "UI:DK-O:G:", "Andet Testsystem", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, "rsa");
    }

    /** An OCES3 organisation certificate with an EC P-256 key, for ECDSA signatures. */
    public TestIdentity oces3OrganisationEc() {
        return leaf("oces3-organisation-ec", true, "UI:DK-O:G:", "Rammearkitektur EC-system", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature, "ec");
    }

    /** An OCES3 employee certificate: {@code UI:DK-E:G:<uuid>}. */
    public TestIdentity oces3Employee() {
        return leaf("oces3-employee", true, "UI:DK-E:G:", "Test Medarbejder", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, "rsa");
    }

    /** An OCES3 person certificate: {@code UI:DK-P:G:<uuid>}, no organisation. */
    public TestIdentity oces3Person() {
        return leaf("oces3-person", true, "UI:DK-P:G:", "Test Person", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, "rsa");
    }

    /** An OCES2 person certificate (POCES): {@code PID:<pid>}, {@code O=Ingen organisatorisk tilknytning}. */
    public TestIdentity oces2Person() {
        return leaf("oces2-person", false, "PID", "Test Person", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, "rsa");
    }

    /** An OCES2 system certificate (FOCES): {@code CVR:<cvr>-FID:<n>}. */
    public TestIdentity oces2System() {
        return leaf("oces2-system", false, "FID", "Rammearkitektur Testsystem (funktionscertifikat)", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, "rsa");
    }

    /** An OCES2 organisation certificate (VOCES): {@code CVR:<cvr>-UID:<n>}. */
    public TestIdentity oces2Organisation() {
        return leaf("oces2-organisation", false, "UID", "Rammearkitektur Test A/S", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, "rsa");
    }

    /** An OCES2 employee certificate (MOCES): {@code CVR:<cvr>-RID:<n>}. */
    public TestIdentity oces2Employee() {
        return leaf("oces2-employee", false, "RID", "Test Medarbejder", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, "rsa");
    }

    /** An OCES3 organisation certificate that expired in 2024. */
    public TestIdentity expired() {
        return leaf("oces3-expired", true, "UI:DK-O:G:", "Udloebet Testsystem", Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"), KeyUsage.digitalSignature, "variant");
    }

    /** An OCES3 organisation certificate valid only from 2040. */
    public TestIdentity notYetValid() {
        return leaf("oces3-not-yet-valid", true, "UI:DK-O:G:", "Fremtidigt Testsystem",
                Instant.parse("2040-01-01T00:00:00Z"), Instant.parse("2045-01-01T00:00:00Z"), KeyUsage.digitalSignature,
                "variant");
    }

    /** An OCES3 organisation certificate listed as revoked in {@link #crls()} and by the OCSP responder. */
    public TestIdentity revoked() {
        return leaf("oces3-revoked", true, "UI:DK-O:G:", "Spaerret Testsystem", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature, "variant");
    }

    /** An OCES3 organisation certificate whose key usage is keyEncipherment only (no digitalSignature). */
    public TestIdentity wrongKeyUsage() {
        return leaf("oces3-wrong-key-usage", true, "UI:DK-O:G:", "Krypteringssystem", LEAF_FROM, LEAF_TO,
                KeyUsage.keyEncipherment, "variant");
    }

    /**
     * A CA certificate (basicConstraints CA=true, path length 0) issued by the OCES3 issuing CA whose key usage also
     * allows digitalSignature: it chains to the trust anchors, but must be refused as the signer of a document.
     */
    public TestIdentity caSigner() {
        return leaf("oces3-ca-signer", true, "UI:DK-O:G:", "Underordnet Test-CA", LEAF_FROM, LEAF_TO,
                KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign, "rsa", true);
    }

    /** CRLs of all four CAs (valid 2025 to 2049); the OCES3 issuing CA's lists {@link #revoked()}. */
    public List<X509CRL> crls() {
        @SuppressWarnings("unchecked")
        List<X509CRL> crls = (List<X509CRL>) memo("crls", k -> List.of(
                crl(oces3Ca(), List.of(serial("oces3-revoked"))),
                crl(oces3RootCa(), List.of()),
                crl(oces2Ca(), List.of()),
                crl(oces2RootCa(), List.of())));
        return crls;
    }

    /** Starts an OCSP responder on 127.0.0.1 answering for every CA with the system clock. Close it. */
    public OcspResponder startOcspResponder() {
        return startOcspResponder(Clock.systemUTC());
    }

    /** Starts an OCSP responder whose answers are dated by {@code clock}. Close it. */
    public OcspResponder startOcspResponder(Clock clock) {
        Set<BigInteger> issuedByOces3 = new HashSet<>();
        for (String s : List.of("oces3-organisation", "oces3-other", "oces3-organisation-ec", "oces3-employee", "oces3-person",
                "oces3-expired", "oces3-not-yet-valid", "oces3-revoked", "oces3-wrong-key-usage", "oces3-ca-signer")) {
            issuedByOces3.add(serial(s));
        }
        Set<BigInteger> issuedByOces2 = Set.of(serial("oces2-system"), serial("oces2-organisation"), serial("oces2-employee"),
                serial("oces2-person"));
        List<OcspResponder.Authority> authorities = new ArrayList<>();
        authorities.add(new OcspResponder.Authority(oces3IssuingCa(), oces3Ca().key(), issuedByOces3,
                Set.of(serial("oces3-revoked"))));
        authorities.add(new OcspResponder.Authority(oces3Root(), oces3RootCa().key(), Set.of(serial("oces3-ca")), Set.of()));
        authorities.add(new OcspResponder.Authority(oces2IssuingCa(), oces2Ca().key(), issuedByOces2, Set.of()));
        authorities.add(new OcspResponder.Authority(oces2Root(), oces2RootCa().key(), Set.of(serial("oces2-ca")), Set.of()));
        return new OcspResponder(authorities, clock);
    }

    // ---- generation ----

    /** Computes once per label; re-entrant, because CAs are made while leaves are. */
    private synchronized Object memo(String label, java.util.function.Function<String, Object> make) {
        Object o = made.get(label);
        if (o == null) {
            o = make.apply(label);
            made.put(label, o);
        }
        return o;
    }

    private Ca oces3RootCa() {
        return (Ca) memo("oces3-root", k -> {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK").addRDN(BCStyle.O, "Den Danske Stat")
                    .addRDN(BCStyle.OU, "Test - rammearkitektur").addRDN(BCStyle.CN, "Den Danske Stat OCES rod-CA").build();
            KeyPair kp = rsa(k, oces3Bits);
            return ca(k, name, kp, name, kp.getPrivate(), "SHA512withRSAandMGF1", 1);
        });
    }

    private Ca oces3Ca() {
        return (Ca) memo("oces3-ca", k -> {
            Ca root = oces3RootCa();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK").addRDN(BCStyle.O, "Den Danske Stat")
                    .addRDN(BCStyle.OU, "Test - rammearkitektur").addRDN(BCStyle.CN, "Den Danske Stat OCES udstedende-CA 1")
                    .build();
            return ca(k, name, rsa(k, oces3Bits), subject(root.certificate()), root.key(), "SHA512withRSAandMGF1", 0);
        });
    }

    private Ca oces2RootCa() {
        return (Ca) memo("oces2-root", k -> {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK").addRDN(BCStyle.O, "TRUST2408")
                    .addRDN(BCStyle.CN, "TRUST2408 Systemtest Rammearkitektur Primary CA").build();
            KeyPair kp = rsa(k, 2048);
            return ca(k, name, kp, name, kp.getPrivate(), "SHA256withRSA", 1);
        });
    }

    private Ca oces2Ca() {
        return (Ca) memo("oces2-ca", k -> {
            Ca root = oces2RootCa();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK").addRDN(BCStyle.O, "TRUST2408")
                    .addRDN(BCStyle.CN, "TRUST2408 Systemtest Rammearkitektur CA").build();
            return ca(k, name, rsa(k, 2048), subject(root.certificate()), root.key(), "SHA256withRSA", 0);
        });
    }

    private Ca ca(String label, X500Name subject, KeyPair kp, X500Name issuer, PrivateKey issuerKey, String alg, int pathLen) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(label), Date.from(CA_FROM),
                    Date.from(CA_TO), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new Ca(sign(b, issuerKey, alg, label), kp.getPrivate());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("test CA " + label + " could not be issued", e);
        }
    }

    private TestIdentity leaf(String label, boolean oces3, String tag, String cn, Instant from, Instant to, int keyUsage,
            String keyKind) {
        return leaf(label, oces3, tag, cn, from, to, keyUsage, keyKind, false);
    }

    private TestIdentity leaf(String label, boolean oces3, String tag, String cn, Instant from, Instant to, int keyUsage,
            String keyKind, boolean isCa) {
        return (TestIdentity) memo(label, k -> {
            Ca ca = oces3 ? oces3Ca() : oces2Ca();
            KeyPair kp = switch (keyKind) {
                case "ec" -> ec(label);
                case "variant" -> (KeyPair) memo("variant-key", v -> rsa(v, oces3 ? oces3Bits : 2048));
                default -> rsa(label, oces3 ? oces3Bits : 2048);
            };
            X500Name subject;
            if (oces3 && tag.equals("UI:DK-P:G:")) {
                UUID uuid = UUID.nameUUIDFromBytes((seed + ":" + label).getBytes(StandardCharsets.UTF_8));
                subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                        .addRDN(BCStyle.SERIALNUMBER, tag + uuid).addRDN(BCStyle.CN, cn).build();
            } else if (tag.equals("PID")) {
                long n = serial(label).mod(BigInteger.valueOf(1_000_000_000_000L)).longValue();
                subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                        .addRDN(BCStyle.O, "Ingen organisatorisk tilknytning")
                        .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.SERIALNUMBER},
                                new String[] {cn, String.format("PID:9208-2002-2-%012d", n)})
                        .build();
            } else if (oces3) {
                UUID uuid = UUID.nameUUIDFromBytes((seed + ":" + label).getBytes(StandardCharsets.UTF_8));
                subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                        .addRDN(ORGANIZATION_IDENTIFIER, "NTRDK-" + cvr).addRDN(BCStyle.O, "Rammearkitektur Testkommune")
                        .addRDN(BCStyle.SERIALNUMBER, tag + uuid).addRDN(BCStyle.CN, cn).build();
            } else {
                long n = serial(label).mod(BigInteger.valueOf(100_000_000L)).longValue();
                subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                        .addRDN(BCStyle.O, "Rammearkitektur Testkommune // CVR:" + cvr)
                        .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.SERIALNUMBER, BCStyle.CN},
                                new String[] {"CVR:" + cvr + "-" + tag + ":" + n, cn})
                        .build();
            }
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject(ca.certificate()), serial(label),
                        Date.from(from), Date.from(to), subject, kp.getPublic())
                        .addExtension(Extension.basicConstraints, true, isCa ? new BasicConstraints(0) : new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                        .addExtension(Extension.authorityKeyIdentifier, false,
                                ext.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
                X509Certificate cert = sign(b, ca.key(), oces3 ? "SHA512withRSAandMGF1" : "SHA256withRSA", label);
                return new TestIdentity(label, kp.getPrivate(), List.of(cert, ca.certificate()));
            } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
                throw new IllegalStateException("test certificate " + label + " could not be issued", e);
            }
        });
    }

    private X509CRL crl(Ca ca, List<BigInteger> revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(subject(ca.certificate()), Date.from(LEAF_FROM));
            b.setNextUpdate(Date.from(Instant.parse("2049-12-31T00:00:00Z")));
            for (BigInteger s : revoked) {
                b.addCRLEntry(s, REVOCATION_DATE, CRLReason.keyCompromise);
            }
            String alg = ca.certificate().getSigAlgName().contains("MGF1") || ca.certificate().getSigAlgName().contains("PSS")
                    ? "SHA512withRSAandMGF1" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BC).setSecureRandom(random("crl"))
                    .build(ca.key());
            X509CRLHolder h = b.build(signer);
            return new JcaX509CRLConverter().setProvider(BC).getCRL(h);
        } catch (Exception e) {
            throw new IllegalStateException("test CRL could not be issued", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key, String alg, String label)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BC).setSecureRandom(random("sig:" + label))
                    .build(key);
            X509Certificate bcCert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(bcCert.getEncoded()));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private KeyPair rsa(String label, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, random("key:" + label));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair ec(String label) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random("key:" + label));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name subject(X509Certificate c) {
        return X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    }

    private BigInteger serial(String label) {
        byte[] h = hash("serial:" + label);
        return new BigInteger(1, java.util.Arrays.copyOf(h, 12)).setBit(90);
    }

    /** A SHA1PRNG seeded only from the PKI seed and a label: deterministic, and different per use. */
    private SecureRandom random(String label) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG", "SUN");
            r.setSeed(hash(label));
            return r;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA1PRNG is not available", e);
        }
    }

    private byte[] hash(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((seed + "|" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String validCvr(SecureRandom r) {
        int[] w = {2, 7, 6, 5, 4, 3, 2, 1};
        while (true) {
            int[] d = new int[8];
            d[0] = 1 + r.nextInt(9);
            int sum = d[0] * w[0];
            for (int i = 1; i < 7; i++) {
                d[i] = r.nextInt(10);
                sum += d[i] * w[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                d[7] = check;
                StringBuilder sb = new StringBuilder();
                for (int x : d) {
                    sb.append(x);
                }
                return sb.toString();
            }
        }
    }

    @Override
    public String toString() {
        return "TestPki[seed=" + seed + ", oces3Bits=" + oces3Bits + ", cvr=" + cvr + "]";
    }
}
