package io.github.camelaerona.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate and its key for the host names of a test's webhook server, so the server can answer
 * the sandbox's deliveries over TLS as it answers Aerona's: write {@link #writeKeyStore} for the server, give
 * {@link #trustStore()} to the sandbox ({@link AeronaSandbox.Builder#webhookTrustStore}). Needs
 * {@code org.bouncycastle:bcpkix-jdk18on} on the class path.
 * <p>
 * The validity is checked by TLS against the machine's clock (the JVM's, not the sandbox's), so it runs from a day
 * before the certificate was made to a year after.
 */
public final class SandboxCertificate {

    /** The alias of the key and of the certificate in the stores written. */
    public static final String ALIAS = "webhook";

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SandboxCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * A certificate for these host names and IP addresses (its subject alternative names, which clients verify);
     * the first is also its common name.
     */
    public static SandboxCertificate selfSigned(String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("a certificate needs at least one host name");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + hosts[0]);
            Instant made = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(made.minus(Duration.ofDays(1))),
                    Date.from(made.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    List.of(hosts).stream().map(SandboxCertificate::name).toArray(GeneralName[]::new)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new SandboxCertificate(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a test certificate for " + List.of(hosts), e);
        }
    }

    private static GeneralName name(String host) {
        boolean address = host.contains(":") || host.matches("[0-9.]+");
        if (address) {
            try {
                InetAddress.getByName(host); // a literal: no lookup
            } catch (IOException e) {
                throw new IllegalArgumentException("not an IP address: " + host, e);
            }
        }
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The key and certificate, for the server that presents them. */
    public KeyStore keyStore(String password) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate alone, for the clients that trust it. */
    public KeyStore trustStore() {
        try {
            KeyStore store = emptyStore();
            store.setCertificateEntry(ALIAS, certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #keyStore} as a PKCS12 file (key and store share the password) and returns the file. */
    public Path writeKeyStore(Path file, String password) {
        return write(keyStore(password), file, password);
    }

    /** Writes {@link #trustStore} as a PKCS12 file and returns the file. */
    public Path writeTrustStore(Path file, String password) {
        return write(trustStore(), file, password);
    }

    /** The certificate in PEM, as the sandbox's admin API takes it ({@code PUT /sandbox/webhook-trust}). */
    public String pem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** A client context that trusts this certificate only, for a test's own requests to the server. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path write(KeyStore store, Path file, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }
}
