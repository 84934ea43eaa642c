package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.concordia.federation.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS between a JDK HTTPS server and the JDK HTTP client, with the contexts of two nodes. */
class TlsContextsTest {
    static final TestFederation FEDERATION = new TestFederation();

    HttpsServer server;

    @BeforeEach
    void startEuropolsServer() throws IOException {
        SSLContext ctx = TlsContexts.forNode(FEDERATION.node(EUROPOL), FEDERATION.authority.certificate());
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(TlsContexts.serverParameters());
            }
        });
        PeerCertificates peers = new PeerCertificates(FEDERATION.authority.certificate());
        server.createContext("/whoami", exchange -> {
            var session = ((HttpsExchange) exchange).getSSLSession();
            List<X509Certificate> chain = Arrays.stream(session.getPeerCertificates())
                    .map(X509Certificate.class::cast)
                    .toList();
            Verification v =
                    peers.check(chain, FEDERATION.directory, Clock.systemUTC().instant());
            byte[] body = (TlsContexts.peerParticipant(session).orElseThrow() + " " + v.isVerified())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpResponse<String> get(SSLContext client) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(client)
                .sslParameters(TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/whoami");
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nodesOfTheFederationExchangeARequestOverMutualTls() throws Exception {
        SSLContext interpol = TlsContexts.forNode(FEDERATION.node(INTERPOL), FEDERATION.authority.certificate());
        HttpResponse<String> response = get(interpol);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("INTERPOL true");
    }

    @Test
    void contextsLoadFromTheFilesTheAuthorityWrites(@TempDir Path dir) throws Exception {
        FEDERATION.node(INTERPOL).save(dir, "pw".toCharArray());
        FEDERATION.authority.save(dir, "ca-pw".toCharArray());
        SSLContext fromFiles =
                TlsContexts.forNode(dir.resolve("INTERPOL.p12"), "pw".toCharArray(), dir.resolve("ca.pem"));
        assertThat(get(fromFiles).body()).isEqualTo("INTERPOL true");
    }

    @Test
    void aClientWithACertificateOfAnotherAuthorityFailsTheHandshake() {
        FederationAuthority rogue = FederationAuthority.create("Rogue", Clock.systemUTC());
        NodeCredentials impostor = rogue.issue(INTERPOL, "Not Interpol", List.of(), Clock.systemUTC());
        // it trusts the real authority, so it accepts the server: the server refuses it
        SSLContext client = TlsContexts.forNode(
                new NodeCredentials(INTERPOL, impostor.key(), impostor.certificate(), rogue.certificate()),
                FEDERATION.authority.certificate());
        assertThatThrownBy(() -> get(client)).isInstanceOf(IOException.class);
    }

    @Test
    void aClientThatTrustsAnotherAuthorityRefusesTheServer() {
        FederationAuthority other = FederationAuthority.create("Other", Clock.systemUTC());
        SSLContext client = TlsContexts.forNode(FEDERATION.node(INTERPOL), other.certificate());
        assertThatThrownBy(() -> get(client)).isInstanceOf(IOException.class);
    }
}
