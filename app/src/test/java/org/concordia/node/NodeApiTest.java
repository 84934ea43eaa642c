package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concordia.audit.AuditVerification;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.concordia.store.NodeStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user API of one node running alone (its own embedded store, no partners), with local accounts of
 * every role and bearer tokens verified with a locally generated RSA key: who may call what, the audit
 * endpoints, the API description, health and metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEARCH =
            "{\"purpose\": \"criminal-investigation\", \"name\": \"Zebulon Quartermaine\"}";
    /** Regenerates docs/openapi.json from the served description instead of comparing with it. */
    private static final boolean WRITE_OPENAPI = Boolean.getBoolean("concordia.openapi.write");

    @TempDir
    static Path tmp;

    NodeServer node;
    KeyPair tokenKeys;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        tokenKeys = g.generateKeyPair();
        Path pem = tmp.resolve("idp-public-key.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(tokenKeys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        node = NodeServer.start(NodeSettings.of(
                        new ParticipantCode("INTERPOL"),
                        new NodeStorage.Location.Embedded(tmp.resolve("data")),
                        0,
                        null)
                .withJwt(NodeSettings.Jwt.keyFile(pem)));
        for (Roles r : Roles.values()) {
            node.putAccount(r.wireName(), password(r), r);
        }
    }

    @AfterAll
    void stop() {
        http.close();
        if (node != null) {
            node.close();
        }
    }

    @Nested
    class EveryEndpointWithEveryRole {
        /**
         * What each caller may do, written out by hand: changing {@link SecurityConfiguration#RULES} without
         * changing this table fails {@link #theTableHereIsTheTableEnforced()}. {@code rule} is the RULES
         * pattern the endpoint falls under (null: not in RULES); {@code path} is what is called.
         */
        static final List<Endpoint> ENDPOINTS = List.of(
                roles("POST", "/api/v1/searches", "/api/v1/searches", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/records/*/*",
                        "/api/v1/records/INTERPOL/NO-SUCH-1",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles("POST", "/api/v1/imports", "/api/v1/imports", Roles.ADMIN),
                roles("GET", "/api/v1/agreements", "/api/v1/agreements", Roles.DPO, Roles.ADMIN),
                roles("PUT", "/api/v1/agreements/*", "/api/v1/agreements/EUROPOL", Roles.DPO, Roles.ADMIN),
                roles("GET", "/api/v1/audit", "/api/v1/audit?from=1&limit=5", Roles.DPO),
                roles("GET", "/api/v1/audit/verification", "/api/v1/audit/verification", Roles.DPO, Roles.ADMIN),
                roles(
                        "POST",
                        "/api/v1/messages",
                        "/api/v1/messages",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/messages",
                        "/api/v1/messages",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/messages/*",
                        "/api/v1/messages/0190b1d2-0000-7000-8000-000000000000",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/messages/attachments",
                        "/api/v1/messages/attachments?name=a.txt",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/messages/*/attachments/*",
                        "/api/v1/messages/0190b1d2-0000-7000-8000-000000000000/attachments/0190b1d2-0000-7000-8000-000000000001",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/messages/*/forward",
                        "/api/v1/messages/0190b1d2-0000-7000-8000-000000000000/forward",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles("POST", "/api/v1/follow-ups", "/api/v1/follow-ups", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/follow-ups",
                        "/api/v1/follow-ups",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/follow-ups/*",
                        "/api/v1/follow-ups/0190b1d2-0000-7000-8000-000000000000",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/follow-ups/*/approve",
                        "/api/v1/follow-ups/0190b1d2-0000-7000-8000-000000000000/approve",
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/follow-ups/*/refuse",
                        "/api/v1/follow-ups/0190b1d2-0000-7000-8000-000000000000/refuse",
                        Roles.DPO,
                        Roles.RELEASER),
                roles("POST", "/api/v1/alerts", "/api/v1/alerts", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts",
                        "/api/v1/alerts",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts/hits",
                        "/api/v1/alerts/hits",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts/hits/*",
                        "/api/v1/alerts/hits/0190b1d2-0000-7000-8000-000000000000",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/alerts/hits/*/confirm",
                        "/api/v1/alerts/hits/0190b1d2-0000-7000-8000-000000000000/confirm",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/alerts/hits/*/reject",
                        "/api/v1/alerts/hits/0190b1d2-0000-7000-8000-000000000000/reject",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts/notifications",
                        "/api/v1/alerts/notifications",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts/links",
                        "/api/v1/alerts/links",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/alerts/*",
                        "/api/v1/alerts/0190b1d2-0000-7000-8000-000000000000",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "PUT",
                        "/api/v1/alerts/*",
                        "/api/v1/alerts/0190b1d2-0000-7000-8000-000000000000",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/alerts/*/cancel",
                        "/api/v1/alerts/0190b1d2-0000-7000-8000-000000000000/cancel",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/subscriptions",
                        "/api/v1/subscriptions",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/subscriptions",
                        "/api/v1/subscriptions",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "GET",
                        "/api/v1/subscriptions/events",
                        "/api/v1/subscriptions/events",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles(
                        "POST",
                        "/api/v1/subscriptions/*/end",
                        "/api/v1/subscriptions/0190b1d2-0000-7000-8000-000000000000/end",
                        Roles.OFFICER,
                        Roles.ANALYST,
                        Roles.DPO,
                        Roles.RELEASER),
                roles("GET", "/api/v1/directory", "/api/v1/directory", Roles.values()),
                roles("GET", "/api/v1/me", "/api/v1/me", Roles.values()),
                roles("GET", "/actuator/prometheus", "/actuator/prometheus", Roles.ADMIN),
                open("GET", "/actuator/health"),
                open("GET", "/v3/api-docs"),
                denied("GET", "/api/v1/no-such-endpoint"),
                denied("DELETE", "/api/v1/agreements/EUROPOL"),
                denied("POST", "/api/v1/audit"),
                denied("GET", "/actuator/env"),
                denied("GET", "/actuator/metrics"));

        @Test
        void theTableHereIsTheTableEnforced() {
            Map<String, Set<Roles>> enforced = new TreeMap<>();
            for (SecurityConfiguration.Rule r : SecurityConfiguration.RULES) {
                enforced.put(
                        r.method().name() + " " + r.path(),
                        r.roles().length == 0 ? EnumSet.allOf(Roles.class) : EnumSet.copyOf(Arrays.asList(r.roles())));
            }
            Map<String, Set<Roles>> expected = new TreeMap<>();
            for (Endpoint e : ENDPOINTS) {
                if (e.rule() != null) {
                    expected.put(e.method() + " " + e.rule(), e.allowed());
                }
            }
            assertThat(expected).isEqualTo(enforced);
        }

        @Test
        void everyOperationOfTheUserApiIsInTheTable() throws Exception {
            JsonNode doc = JSON.readTree(call("GET", "/v3/api-docs", null).body());
            Set<String> described = new java.util.TreeSet<>();
            doc.path("paths")
                    .properties()
                    .forEach(p -> p.getValue()
                            .properties()
                            .forEach(m -> described.add(m.getKey().toUpperCase(java.util.Locale.ROOT) + " "
                                    + p.getKey().replaceAll("\\{[^}/]+}", "*"))));
            described.removeIf(s -> s.contains(" /federation/"));
            Set<String> inTable = ENDPOINTS.stream()
                    .filter(e -> e.rule() != null && e.rule().startsWith("/api/"))
                    .map(e -> e.method() + " " + e.rule())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(described).isEqualTo(inTable);
        }

        @TestFactory
        Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
            List<DynamicTest> tests = new ArrayList<>();
            for (Endpoint e : ENDPOINTS) {
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " without credentials", () -> {
                    HttpResponse<String> r = call(e.method(), e.path(), null);
                    if (e.anonymous()) {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                        assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
                    }
                }));
                for (Roles role : Roles.values()) {
                    tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as " + role.wireName(), () -> {
                        HttpResponse<String> r = call(e.method(), e.path(), basic(role));
                        if (e.anonymous() || e.allowed().contains(role)) {
                            // allowed: anything but a refusal, and no server error (an empty body may be a 400)
                            assertThat(r.statusCode())
                                    .as(r.body())
                                    .isNotIn(401, 403)
                                    .isLessThan(500);
                        } else {
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                            assertThat(r.body()).contains("\"code\":\"forbidden\"");
                        }
                    }));
                }
            }
            return tests.stream();
        }

        @Test
        void aWrongPasswordIsUnauthenticated() throws Exception {
            String wrong =
                    "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = call("GET", "/api/v1/me", wrong);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
        }

        @Test
        void repeatedWrongPasswordsThrottleTheNameAndLeaveOtherAccountsAlone() throws Exception {
            String wrong =
                    "Basic " + Base64.getEncoder().encodeToString("guesser:wrong".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < SignInThrottle.LIMIT; i++) {
                assertThat(call("GET", "/api/v1/me", wrong).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> r = call("GET", "/api/v1/me", wrong);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("\"code\":\"sign_in_throttled\"");
            assertThat(r.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(call("GET", "/api/v1/me", basic(Roles.ANALYST)).statusCode())
                    .as("other accounts unaffected")
                    .isEqualTo(200);
            String guessedAnalyst = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((Roles.ANALYST.wireName() + ":wrong").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < SignInThrottle.LIMIT; i++) {
                call("GET", "/api/v1/me", guessedAnalyst);
            }
            assertThat(call("GET", "/api/v1/me", guessedAnalyst).statusCode()).isEqualTo(429);
            assertThat(call("GET", "/api/v1/me", basic(Roles.ANALYST)).statusCode())
                    .as("a password verified a moment ago is not locked out by others' guesses")
                    .isEqualTo(200);
        }

        @Test
        void theFederationEndpointIsNotServedOnTheUserPort() throws Exception {
            for (String auth : new String[] {null, basic(Roles.ADMIN), basic(Roles.OFFICER)}) {
                HttpResponse<String> r = call("POST", "/federation/v1/searches", auth);
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).contains("\"code\":\"not_found\"");
            }
        }
    }

    @Nested
    class AuditEndpoints {
        @Test
        void aDpoReadsTheEntriesAsIdsCodesAndHashesOnly() throws Exception {
            assertThat(call("POST", "/api/v1/searches", basic(Roles.OFFICER), SEARCH)
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> r = call("GET", "/api/v1/audit?from=1&limit=1000", basic(Roles.DPO));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            assertThat(page.path("next").isNull()).isTrue();
            JsonNode search = null;
            for (JsonNode e : page.path("entries")) {
                if (e.path("action").asText().equals("SEARCH")) {
                    search = e;
                }
            }
            assertThat(search).as(r.body()).isNotNull();
            assertThat(search.path("actor").asText()).isEqualTo("officer");
            assertThat(search.path("purpose").asText()).isEqualTo("criminal-investigation");
            assertThat(search.path("termHashes").size()).isGreaterThanOrEqualTo(2);
            assertThat(search.path("hash").asText()).hasSize(64);
            assertThat(r.body()).doesNotContainIgnoringCase("zebulon").doesNotContainIgnoringCase("quartermaine");
        }

        @Test
        void pagesFollowOneAnother() throws Exception {
            for (int i = 0; i < 3; i++) {
                call("GET", "/api/v1/records/INTERPOL/PAGE-" + i, basic(Roles.DPO));
            }

            JsonNode first = JSON.readTree(call("GET", "/api/v1/audit?from=1&limit=2", basic(Roles.DPO))
                    .body());
            JsonNode second = JSON.readTree(
                    call("GET", "/api/v1/audit?from=" + first.path("next").asLong() + "&limit=2", basic(Roles.DPO))
                            .body());

            assertThat(sequences(first)).containsExactly(1L, 2L);
            assertThat(first.path("next").asLong()).isEqualTo(3);
            assertThat(sequences(second)).containsExactly(3L, 4L);
        }

        @Test
        void aLimitOutOfRangeIsRefusedWithItsCode() throws Exception {
            for (String q : new String[] {"limit=0", "limit=1001", "from=0"}) {
                HttpResponse<String> r = call("GET", "/api/v1/audit?" + q, basic(Roles.DPO));
                assertThat(r.statusCode()).as(q).isEqualTo(400);
                assertThat(r.body()).contains("\"code\":\"invalid_value\"");
            }
        }

        @Test
        void theVerificationOfAnUntouchedLogIsIntact() throws Exception {
            call("GET", "/api/v1/records/INTERPOL/VERIFY-1", basic(Roles.DPO));

            HttpResponse<String> r = call("GET", "/api/v1/audit/verification", basic(Roles.ADMIN));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode v = JSON.readTree(r.body());
            assertThat(v.path("intact").asBoolean()).as(r.body()).isTrue();
            assertThat(v.path("entries").asLong()).isPositive();
            assertThat(v.path("lastSequence").asLong())
                    .isEqualTo(v.path("entries").asLong());
            // a node without federation credentials has no key and signs no checkpoint
            assertThat(v.path("checkpointsVerified").asInt()).isZero();
        }

        @Test
        void aBrokenLogIsAnsweredWithItsCodeAndFirstSequence() {
            JsonNode v = AuditApi.verificationJson(
                    new AuditVerification.Broken(ErrorCode.AUDIT_ENTRY_ALTERED, 7, "entry 7 was changed"));

            assertThat(v.path("intact").asBoolean()).isFalse();
            assertThat(v.path("code").asText()).isEqualTo(ErrorCode.AUDIT_ENTRY_ALTERED.code());
            assertThat(v.path("sequence").asLong()).isEqualTo(7);
            assertThat(v.path("explanation").asText()).isEqualTo("entry 7 was changed");
        }

        private static List<Long> sequences(JsonNode page) {
            List<Long> out = new ArrayList<>();
            page.path("entries").forEach(e -> out.add(e.path("sequence").asLong()));
            return out;
        }
    }

    @Nested
    class OpenApiDocument {
        @Test
        void theServedDescriptionIsTheOneInDocs() throws Exception {
            HttpResponse<String> r = call("GET", "/v3/api-docs", null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode served = JSON.readTree(r.body());
            Path copy = docs().resolve("openapi.json");
            if (WRITE_OPENAPI) {
                Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
                return;
            }
            JsonNode kept = JSON.readTree(Files.readString(copy));
            if (!served.equals(kept)) {
                fail(copy + " differs from the description the node serves: regenerate it with ./mvnw -B -ntp -o -pl"
                        + " app -am test -Dtest=NodeApiTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dconcordia.openapi.write=true, and review the difference");
            }
        }

        @Test
        void theDescriptionNamesTheApiItsRolesAndTheFederationListener() throws Exception {
            JsonNode doc = JSON.readTree(call("GET", "/v3/api-docs", null).body());

            assertThat(doc.path("openapi").asText()).startsWith("3.1");
            assertThat(doc.at("/info/title").asText()).isEqualTo("Concordia node API");
            assertThat(doc.at("/info/version").asText()).isEqualTo("1");
            assertThat(doc.at("/paths/~1api~1v1~1audit/get/x-roles").toString()).isEqualTo("[\"dpo\"]");
            assertThat(doc.at("/paths/~1api~1v1~1records~1{owner}~1{id}/get/parameters/0/name")
                            .asText())
                    .isEqualTo("owner");
            assertThat(doc.at("/components/schemas/Problem/properties/code").isObject())
                    .isTrue();
            assertThat(doc.at("/paths/~1api~1v1~1audit/get/responses/200/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/AuditPage");
            JsonNode federation = doc.at("/paths/~1federation~1v1~1searches/post");
            assertThat(federation
                            .at("/requestBody/content/application~1json/schema/$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/PartnerSearchRequest");
            assertThat(federation.path("servers").get(0).path("url").asText()).isEqualTo("https://{listener}");
            assertThat(federation.path("security").toString()).contains(org.concordia.node.ApiDescription.MUTUAL_TLS);
        }

        private static Path docs() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
                dir = dir.getParent();
            }
            assertThat(dir)
                    .as("the repository root (with mvnw) above the working directory")
                    .isNotNull();
            return dir.resolve("docs");
        }
    }

    @Nested
    class HealthAndMetrics {
        @Test
        void healthAnswersUpWithoutCredentialsAndWithoutDetails() throws Exception {
            HttpResponse<String> r = call("GET", "/actuator/health", null);

            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode health = JSON.readTree(r.body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.has("components")).isFalse();
        }

        @Test
        void prometheusAnswersAnAdminWithSearchCountsAndLatenciesWithoutTerms() throws Exception {
            assertThat(call("POST", "/api/v1/searches", basic(Roles.ANALYST), SEARCH)
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> r = call("GET", "/actuator/prometheus", basic(Roles.ADMIN));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(r.body()).contains("# TYPE concordia_searches_total counter");
            assertThat(line(r.body(), "concordia_searches_total{", "outcome=\"no-hit\""))
                    .isNotNull();
            assertThat(line(
                            r.body(),
                            "concordia_partner_latency_seconds_count{",
                            "partner=\"INTERPOL\"",
                            "status=\"no-hit\""))
                    .isNotNull();
            assertThat(r.body()).doesNotContainIgnoringCase("zebulon");
        }
    }

    @Nested
    class BearerTokenSignIn {
        @Test
        void anOfficersTokenSearches() throws Exception {
            String token = token(tokenKeys.getPrivate(), "officer-7", List.of("officer"), Instant.now());

            HttpResponse<String> r = call("POST", "/api/v1/searches", "Bearer " + token, SEARCH);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode me =
                    JSON.readTree(call("GET", "/api/v1/me", "Bearer " + token).body());
            assertThat(me.path("user").asText()).isEqualTo("officer-7");
            assertThat(me.path("roles").toString()).isEqualTo("[\"officer\"]");
        }

        @Test
        void aTokenWithoutRolesSignsInButMayNotSearch() throws Exception {
            String token = token(tokenKeys.getPrivate(), "nobody-1", List.of("visitor"), Instant.now());

            HttpResponse<String> search = call("POST", "/api/v1/searches", "Bearer " + token, SEARCH);

            assertThat(search.statusCode()).isEqualTo(403);
            assertThat(search.body()).contains("\"code\":\"forbidden\"");
            assertThat(call("GET", "/api/v1/me", "Bearer " + token).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void anExpiredTokenIsUnauthenticated() throws Exception {
            String token = token(
                    tokenKeys.getPrivate(),
                    "officer-7",
                    List.of("officer"),
                    Instant.now().minusSeconds(3_600));

            HttpResponse<String> r = call("POST", "/api/v1/searches", "Bearer " + token, SEARCH);

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
        }

        @Test
        void aTokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String token = token(g.generateKeyPair().getPrivate(), "officer-7", List.of("officer"), Instant.now());

            HttpResponse<String> r = call("POST", "/api/v1/searches", "Bearer " + token, SEARCH);

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
        }

        @Test
        void localAccountsStillSignInBesideTokens() throws Exception {
            assertThat(call("POST", "/api/v1/searches", basic(Roles.OFFICER), SEARCH)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    /** A token issued at {@code issued}, valid five minutes. */
    static String token(PrivateKey key, String subject, List<String> roles, Instant issued) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(issued.plusSeconds(300)))
                        .claim("roles", roles)
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The first line of Prometheus text that starts with {@code prefix} and contains every label; null if none. */
    private static String line(String text, String prefix, String... labels) {
        for (Iterator<String> it = text.lines().iterator(); it.hasNext(); ) {
            String l = it.next();
            if (l.startsWith(prefix) && Arrays.stream(labels).allMatch(l::contains)) {
                return l;
            }
        }
        return null;
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        return call(method, path, authorization, "");
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty() || method.equals("POST") || method.equals("PUT")) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(Roles role) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((role.wireName() + ":" + password(role)).getBytes(StandardCharsets.UTF_8));
    }

    private static String password(Roles role) {
        return role.wireName() + "-pass";
    }

    /** One row of the table: who may call an endpoint. */
    record Endpoint(String method, String rule, String path, Set<Roles> allowed, boolean anonymous) {}

    static Endpoint roles(String method, String rule, String path, Roles... allowed) {
        return new Endpoint(method, rule, path, EnumSet.copyOf(Arrays.asList(allowed)), false);
    }

    static Endpoint open(String method, String path) {
        return new Endpoint(method, null, path, EnumSet.allOf(Roles.class), true);
    }

    static Endpoint denied(String method, String path) {
        return new Endpoint(method, null, path, EnumSet.noneOf(Roles.class), false);
    }
}
