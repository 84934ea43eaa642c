package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.concordia.audit.AuditAction;
import org.concordia.model.ParticipantCode;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts in the federation tier: three nodes over real mutual TLS, each with its own embedded store.
 * INTERPOL publishes; EUROPOL shares persons with INTERPOL in full; AFRIPOL has no agreement with it (a
 * hit-only recipient, the default).
 */
@Tag("federation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODES = List.of("INTERPOL", "EUROPOL", "AFRIPOL");

    @TempDir
    static Path tmp;

    TestFederation federation;
    final Map<String, NodeServer> nodes = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        federation = new TestFederation(tmp.resolve("pki"), CODES);
        for (String code : CODES) {
            NodeServer node = NodeServer.start(federation.settings(code, tmp.resolve(code)));
            node.putAccount("officer", "officer-pass", Roles.OFFICER);
            node.putAccount("dpo", "dpo-pass", Roles.DPO);
            nodes.put(code, node);
        }
        nodes.get("EUROPOL")
                .putAgreement(
                        SharingAgreement.persons(
                                new ParticipantCode("EUROPOL"), new ParticipantCode("INTERPOL"), SharingMode.FULL),
                        "dpo");
        // AFRIPOL answers INTERPOL's searches hit-only (and so reports its hits hit-only too)
        nodes.get("AFRIPOL")
                .putAgreement(
                        SharingAgreement.persons(
                                new ParticipantCode("AFRIPOL"), new ParticipantCode("INTERPOL"), SharingMode.HIT_ONLY),
                        "dpo");
        // held before any alert: found when the alert arrives
        nodes.get("EUROPOL")
                .importRecords(List.of(TestFederation.record("{\"id\": \"EU-CAR-1\", \"type\": \"Vehicle\", \"owner\":"
                        + " \"EUROPOL\", \"vin\": \"1M8GDM9AXKP042788\", \"make\": \"Motor Coach Industries\","
                        + " \"status\": \"stolen\"}")));
    }

    @AfterAll
    void stop() {
        nodes.values().forEach(NodeServer::close);
    }

    @Test
    void anAlertFindsARecordImportedLaterInAnotherScriptAndTheOwnerGetsTheHitReport() throws Exception {
        JsonNode alert = publish(wanted("RN-1", "Mohamed Abdallah", "1984-03-07"), "all");
        String id = alert.path("id").asText();
        assertThat(alert.path("sentTo")).hasSize(2);
        awaitReceived("AFRIPOL", id, "active");

        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-77", "محمد عبد الله", "1984-03-07")));

        JsonNode hit = awaitHit(id, "AFRIPOL");
        assertThat(hit.path("reply").asText()).isEqualTo("hit-only");
        assertThat(hit.path("score").asDouble()).isGreaterThanOrEqualTo(AlertMatching.THRESHOLD);
        assertThat(hit.has("recordId")).isFalse();
        assertThat(hit.path("reference").asText()).hasSizeGreaterThanOrEqualTo(16);

        JsonNode notification = await(
                "AFRIPOL's notification",
                () -> find(get("AFRIPOL", "/api/v1/alerts/notifications").path("notifications"), "alertId", id),
                n -> true);
        assertThat(notification.path("recordId").asText()).isEqualTo("AFR-77");
        assertThat(notification.path("owner").asText()).isEqualTo("INTERPOL");
        assertThat(notification.path("type").asText()).isEqualTo("wanted");
        assertThat(notification.path("requestedAction").asText()).isEqualTo("locate and arrest");

        nodes.get("INTERPOL").putAccount("admin", "admin-pass", Roles.ADMIN);
        String metrics = ChannelTest.call(
                        "GET", nodes.get("INTERPOL").url() + "/actuator/prometheus", "admin", "admin-pass", null)
                .body();
        assertThat(metrics).containsPattern("concordia_alert_hits_total\\{reply=\"hit-only\",side=\"reported\"} [1-9]");

        assertThat(audit("INTERPOL", AuditAction.ALERT_PUBLISHED))
                .anyMatch(e -> e.event().recordIds().contains(id));
        assertThat(audit("AFRIPOL", AuditAction.ALERT_RECEIVED))
                .anyMatch(e -> e.event().recordIds().contains(id));
        assertThat(audit("AFRIPOL", AuditAction.ALERT_HIT))
                .anyMatch(e -> e.event().recordIds().contains(id));
        assertThat(audit("INTERPOL", AuditAction.ALERT_HIT))
                .anyMatch(e -> e.event().recordIds().contains(id));
    }

    @Test
    void aHitOnlyRecipientSendsNoPersonalData() throws Exception {
        String id = publish(wanted("RN-2", "Svetlana Kuznetsova", "1979-05-14"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        awaitReceived("AFRIPOL", id, "active");
        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-SK", "Светлана Кузнецова", "1979-05-14")));

        JsonNode hit = awaitHit(id, "AFRIPOL");
        // what the report carried, opened at the owner with its key
        Alerts alerts = nodes.get("INTERPOL").bean(Alerts.class);
        var stored = alerts.reported(UUID.fromString(hit.path("id").asText())).orElseThrow();
        Channel channel = nodes.get("INTERPOL").bean(Channel.class);
        ObjectNode content =
                channel.find(stored.message()).flatMap(channel::open).orElseThrow();
        String carried = content.toString();
        assertThat(content.path("hit").has("record")).isFalse();
        assertThat(content.path("hit").has("recordId")).isFalse();
        assertThat(carried)
                .doesNotContain("AFR-SK")
                .doesNotContain("Светлана")
                .doesNotContain("Кузнецова")
                .doesNotContain("1979-05-14")
                .doesNotContainIgnoringCase("kuznetsova");
        assertThat(alerts.reportedRecord(stored)).isEmpty();
    }

    @Test
    void aRecipientWhoseAgreementAllowsItSendsTheRecord() throws Exception {
        String id = publish(wanted("RN-3", "Jean-Pierre Dubois", "1966-01-23"), "[\"EUROPOL\"]")
                .path("id")
                .asText();
        awaitReceived("EUROPOL", id, "active");
        nodes.get("EUROPOL").importRecords(List.of(person("EUROPOL", "EU-JPD", "DUBOIS, Jean Pierre", "1966-01-23")));

        JsonNode hit = awaitHit(id, "EUROPOL");
        assertThat(hit.path("reply").asText()).isEqualTo("hit");
        assertThat(hit.path("recordId").asText()).isEqualTo("EU-JPD");
        JsonNode view = get("INTERPOL", "/api/v1/alerts/hits/" + hit.path("id").asText());
        assertThat(view.path("record").path("id").asText()).isEqualTo("EU-JPD");
        assertThat(view.path("record").path("owner").asText()).isEqualTo("EUROPOL");
    }

    @Test
    void aDuplicateHitIsReportedOnce() throws Exception {
        String id = publish(wanted("RN-4", "Carlos Mendoza Ruiz", "1975-08-30"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        awaitReceived("AFRIPOL", id, "active");
        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-CMR", "Carlos Mendoza Ruiz", "1975-08-30")));
        awaitHit(id, "AFRIPOL");

        // the same record changed, and the alert updated (checked against every record again): no new report
        nodes.get("AFRIPOL")
                .importRecords(List.of(TestFederation.record("{\"id\": \"AFR-CMR\", \"type\": \"Person\", \"owner\":"
                        + " \"AFRIPOL\", \"names\": [{\"full\": \"Carlos Mendoza Ruiz\"}], \"birthDate\": \"1975-08-30\","
                        + " \"birthPlace\": \"Bogota\"}")));
        ObjectNode update = wanted("RN-4", "Carlos Mendoza Ruiz", "1975-08-30");
        update.put("requestedAction", "locate, arrest and extradite");
        HttpResponse<String> updated = ChannelTest.call(
                "PUT",
                nodes.get("INTERPOL").url() + "/api/v1/alerts/" + id,
                "officer",
                "officer-pass",
                update.toString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).path("version").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(updated.body()).path("validUntil").asText())
                .as("an update without validUntil keeps the alert's")
                .isEqualTo(get("INTERPOL", "/api/v1/alerts/" + id)
                        .path("validUntil")
                        .asText())
                .isNotEmpty();
        awaitReceived("AFRIPOL", id, "active", 2);
        // a second record of the same person, imported after: its own hit, reported once
        nodes.get("AFRIPOL")
                .importRecords(List.of(person("AFRIPOL", "AFR-CMR-2", "MENDOZA RUIZ, Carlos", "1975-08-30")));
        await(
                "a second hit",
                () -> {
                    List<JsonNode> h = hits(id);
                    return h.size() >= 2 ? JSON.valueToTree(h) : null;
                },
                x -> true);
        Thread.sleep(1_500); // a duplicate report, if any, would have arrived by now

        assertThat(hits(id)).hasSize(2);
        assertThat(get("AFRIPOL", "/api/v1/alerts/notifications").path("notifications").findValues("alertId").stream()
                        .filter(a -> a.asText().equals(id)))
                .hasSize(2);
    }

    @Test
    void aCancelledAlertStopsMatching() throws Exception {
        String cancelled = publish(wanted("RN-5", "Olga Petrova", "1990-11-02"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        String active = publish(wanted("RN-6", "Nguyen Van Minh", "1988-04-12"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        awaitReceived("AFRIPOL", cancelled, "active");
        awaitReceived("AFRIPOL", active, "active");

        HttpResponse<String> c = ChannelTest.call(
                "POST",
                nodes.get("INTERPOL").url() + "/api/v1/alerts/" + cancelled + "/cancel",
                "officer",
                "officer-pass",
                "{}");
        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        awaitReceived("AFRIPOL", cancelled, "cancelled");
        HttpResponse<String> again = ChannelTest.call(
                "POST",
                nodes.get("INTERPOL").url() + "/api/v1/alerts/" + cancelled + "/cancel",
                "officer",
                "officer-pass",
                "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("alert_closed");

        // one batch: the record of the active alert's person hits, the cancelled alert's person does not
        nodes.get("AFRIPOL")
                .importRecords(List.of(
                        person("AFRIPOL", "AFR-OP", "Olga Petrova", "1990-11-02"),
                        person("AFRIPOL", "AFR-NVM", "Nguyen Van Minh", "1988-04-12")));
        awaitHit(active, "AFRIPOL");
        assertThat(hits(cancelled)).isEmpty();
    }

    @Test
    void aRecordLabelledStricterThanAllowedIsToldToTheRecipientsOfficersOnly() throws Exception {
        String id = publish(wanted("RN-9", "Leila Haddad", "1991-03-30"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        awaitReceived("AFRIPOL", id, "active");
        nodes.get("AFRIPOL")
                .importRecords(List.of(TestFederation.record("{\"id\": \"AFR-RED\", \"type\": \"Person\", \"owner\":"
                        + " \"AFRIPOL\", \"handling\": {\"tlp\": \"RED\", \"code\": \"H0\"}, \"names\": [{\"full\":"
                        + " \"Leila Haddad\"}], \"birthDate\": \"1991-03-30\"}")));

        JsonNode n = await(
                "AFRIPOL's notification",
                () -> find(get("AFRIPOL", "/api/v1/alerts/notifications").path("notifications"), "alertId", id),
                x -> true);
        assertThat(n.path("reply").asText()).isEqualTo("withheld");
        assertThat(n.path("recordId").asText()).isEqualTo("AFR-RED");
        Thread.sleep(1_000);
        assertThat(hits(id)).isEmpty();
    }

    @Test
    void anAlertFindsWhatTheRecipientHeldBeforeIt() throws Exception {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "stolen-vehicle");
        a.set(
                "subject",
                JSON.readTree("{\"id\": \"IP-CAR-9\", \"type\": \"Vehicle\", \"vin\": \"1M8GDM9AXKP042788\","
                        + " \"make\": \"Motor Coach Industries\", \"status\": \"stolen\"}"));
        a.put("requestedAction", "seize the vehicle");
        String id = publish(a, "[\"EUROPOL\"]").path("id").asText();

        JsonNode hit = awaitHit(id, "EUROPOL");
        // EUROPOL's agreement with INTERPOL covers persons only: a vehicle is reported hit-only
        assertThat(hit.path("reply").asText()).isEqualTo("hit-only");
        assertThat(hit.path("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theOwnersDecisionBecomesAnIdentityLinkOnBothSides() throws Exception {
        String id = publish(wanted("RN-7", "Amina Yusuf Bello", "1993-02-17"), "[\"AFRIPOL\"]")
                .path("id")
                .asText();
        awaitReceived("AFRIPOL", id, "active");
        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-AYB", "BELLO, Amina Yusuf", "1993-02-17")));
        String hit = awaitHit(id, "AFRIPOL").path("id").asText();

        Run confirmed = cli("confirm", hit, "--json");
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(JSON.readTree(confirmed.out()).path("state").asText()).isEqualTo("confirmed");
        Run twice = cli("reject", hit);
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("hit_decided");

        JsonNode link = find(get("INTERPOL", "/api/v1/alerts/links").path("links"), "id", hit);
        assertThat(link.path("state").asText()).isEqualTo("same");
        assertThat(link.path("left").path("recordId").asText()).isEqualTo("RN-7");
        assertThat(link.path("right").path("owner").asText()).isEqualTo("AFRIPOL");
        JsonNode there = await(
                "AFRIPOL's link",
                () -> find(get("AFRIPOL", "/api/v1/alerts/links").path("links"), "id", hit),
                l -> true);
        assertThat(there.path("state").asText()).isEqualTo("same");
        assertThat(there.path("right").path("recordId").asText()).isEqualTo("AFR-AYB");
        assertThat(find(get("AFRIPOL", "/api/v1/alerts/notifications").path("notifications"), "id", hit)
                        .path("state")
                        .asText())
                .isEqualTo("confirmed");
        assertThat(audit("AFRIPOL", AuditAction.ALERT_HIT_DECISION))
                .anyMatch(e -> e.event().recordIds().contains(hit));
    }

    @Test
    void theCommandLinePublishesCancelsAndListsHitsAsDocumented() throws Exception {
        Path file = tmp.resolve("alert.json");
        ObjectNode a = wanted("RN-8", "Tomasz Nowakowski", "1981-07-09");
        a.put("recipients", "all");
        Files.writeString(file, a.toString());
        Run published = cli("publish", "--file", file.toString(), "--json");
        assertThat(published.exit()).as(published.err()).isZero();
        String id = JSON.readTree(published.out()).path("id").asText();
        awaitReceived("AFRIPOL", id, "active");
        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-TN", "Tomasz Nowakowski", "1981-07-09")));
        awaitHit(id, "AFRIPOL");

        Run hits = cli("hits", "--json");
        assertThat(hits.exit()).as(hits.err()).isZero();
        JsonNode mine = null;
        for (JsonNode h : JSON.readTree(hits.out()).path("hits")) {
            assertThat(h.has("alertId") && h.has("participant") && h.has("reply") && h.has("score"))
                    .isTrue();
            if (h.path("alertId").asText().equals(id)) {
                mine = h;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("participant").asText()).isEqualTo("AFRIPOL");
        assertThat(mine.path("reply").asText()).isEqualTo("hit-only");
        assertThat(mine.has("recordId")).isFalse();

        Run cancelled = cli("cancel", id);
        assertThat(cancelled.exit()).as(cancelled.err()).isZero();
        assertThat(cancelled.out()).contains("cancelled");

        Files.writeString(file, "{\"type\": \"red\", \"subject\": {}, \"recipients\": \"all\"}");
        Run bad = cli("publish", "--file", file.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("error invalid_value");
        a.set("recipients", JSON.readTree("[\"NOBODY\"]"));
        Files.writeString(file, a.toString());
        Run nobody = cli("publish", "--file", file.toString());
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err()).contains("error unknown_participant");
    }

    @Test
    void anOfficerWatchingARecordIsToldOfThePartnersEnquiriesButNotOfTheirTerms() throws Exception {
        // (a node searches its persons once it holds two: the model needs pairs)
        nodes.get("AFRIPOL")
                .importRecords(List.of(
                        person("AFRIPOL", "AFR-KM", "Kwame Mensah", "1970-02-02"),
                        person("AFRIPOL", "AFR-AO", "Adaeze Okafor", "1995-06-21")));
        JsonNode s = post("AFRIPOL", "/api/v1/subscriptions", "{\"recordId\": \"AFR-KM\"}", 201);
        assertThat(s.path("kind").asText()).isEqualTo("record");
        assertThat(post("AFRIPOL", "/api/v1/subscriptions", "{\"recordId\": \"NO-SUCH\"}", 404)
                        .path("code")
                        .asText())
                .isEqualTo("not_found");

        JsonNode found = post(
                "INTERPOL",
                "/api/v1/searches",
                JSON.createObjectNode()
                        .put("purpose", "criminal-investigation: case 7")
                        .put("name", "MENSAH, Kwame")
                        .put("birthDate", "1970-02-02")
                        .toString(),
                200);
        assertThat(found.path("results").findValues("owner").stream().map(JsonNode::asText))
                .as(found.toString())
                .contains("AFRIPOL");

        JsonNode events = get("AFRIPOL", "/api/v1/subscriptions/events").path("events");
        JsonNode enquiry = find(events, "subscription", s.path("id").asText());
        assertThat(enquiry.path("kind").asText()).isEqualTo("enquiry");
        assertThat(enquiry.path("participant").asText()).isEqualTo("INTERPOL");
        assertThat(enquiry.path("purpose").asText()).isEqualTo("criminal-investigation");
        assertThat(enquiry.path("reply").asText()).isEqualTo("hit-only");
        assertThat(events.toString()).doesNotContain("MENSAH").doesNotContain("case 7");
        // another user does not see it
        nodes.get("AFRIPOL").putAccount("other", "other-pass", Roles.OFFICER);
        HttpResponse<String> other = ChannelTest.call(
                "GET", nodes.get("AFRIPOL").url() + "/api/v1/subscriptions/events", "other", "other-pass", null);
        assertThat(JSON.readTree(other.body()).path("events")).isEmpty();
    }

    @Test
    void anOfficerWatchingAPersonIsToldWhenAPartnerMatchesItAndWhenThatRecordChanges() throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.set(
                "subject",
                JSON.readTree("{\"id\": \"W-1\", \"type\": \"Person\", \"names\": [{\"full\": \"Fatima Zahra"
                        + " Benali\"}], \"birthDate\": \"1986-09-15\"}"));
        request.set("recipients", JSON.readTree("[\"AFRIPOL\"]"));
        JsonNode s = post("INTERPOL", "/api/v1/subscriptions", request.toString(), 201);
        String subscription = s.path("id").asText();
        String alert = s.path("alertId").asText();
        awaitReceived("AFRIPOL", alert, "active");
        // a watch is its officer's: another officer of the node neither sees nor cancels it
        nodes.get("INTERPOL").putAccount("colleague", "colleague-pass", Roles.OFFICER);
        String base = nodes.get("INTERPOL").url() + "/api/v1/alerts/" + alert;
        assertThat(ChannelTest.call("GET", base, "colleague", "colleague-pass", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(ChannelTest.call("POST", base + "/cancel", "colleague", "colleague-pass", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ChannelTest.call("GET", base, "officer", "officer-pass", null)
                        .statusCode())
                .isEqualTo(200);

        nodes.get("AFRIPOL").importRecords(List.of(person("AFRIPOL", "AFR-FZB", "BENALI, Fatima Zahra", "1986-09-15")));
        await("a match", () -> event(subscription, "match"), e -> true);

        String changedRecord = "{\"id\": \"AFR-FZB\", \"type\": \"Person\", \"owner\": \"AFRIPOL\", \"names\":"
                + " [{\"full\": \"BENALI, Fatima Zahra\"}], \"birthDate\": \"1986-09-15\", \"birthPlace\": \"Oran\"}";
        nodes.get("AFRIPOL").importRecords(List.of(TestFederation.record(changedRecord)));
        JsonNode changed = await("a change", () -> event(subscription, "changed"), e -> true);
        assertThat(changed.path("participant").asText()).isEqualTo("AFRIPOL");
        assertThat(changed.path("reply").asText()).isEqualTo("hit-only");
        // the same content again is no change
        nodes.get("AFRIPOL").importRecords(List.of(TestFederation.record(changedRecord)));
        Thread.sleep(1_500);
        assertThat(events(subscription)).hasSize(2);

        ChannelTest.Run r = ChannelTest.cli(
                "subscriptions",
                "end",
                subscription,
                "--node",
                nodes.get("INTERPOL").url(),
                "--user",
                "officer",
                "--password",
                "officer-pass");
        assertThat(r.exit()).as(r.err()).isZero();
        awaitReceived("AFRIPOL", alert, "cancelled");
    }

    private JsonNode post(String node, String path, String body, int status) throws Exception {
        HttpResponse<String> r =
                ChannelTest.call("POST", nodes.get(node).url() + path, "officer", "officer-pass", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private List<JsonNode> events(String subscription) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : get("INTERPOL", "/api/v1/subscriptions/events").path("events")) {
            if (e.path("subscription").asText().equals(subscription)) {
                out.add(e);
            }
        }
        return out;
    }

    private JsonNode event(String subscription, String kind) throws Exception {
        return events(subscription).stream()
                .filter(e -> e.path("kind").asText().equals(kind))
                .findFirst()
                .orElse(null);
    }

    // ---------------------------------------------------------------------------------- helpers

    record Run(int exit, String out, String err) {}

    private Run cli(String sub, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "alerts",
                sub,
                "--node",
                nodes.get("INTERPOL").url(),
                "--user",
                "officer",
                "--password",
                "officer-pass"));
        all.addAll(List.of(args));
        ChannelTest.Run r = ChannelTest.cli(all.toArray(String[]::new));
        return new Run(r.exit(), r.out(), r.err());
    }

    private static ObjectNode wanted(String id, String name, String birthDate) throws Exception {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "wanted");
        a.set(
                "subject",
                JSON.readTree("{\"id\": \"" + id + "\", \"type\": \"Person\", \"names\": [{\"full\": \"" + name
                        + "\"}], \"birthDate\": \"" + birthDate + "\"}"));
        a.put("requestedAction", "locate and arrest");
        return a;
    }

    private static org.concordia.model.Record person(String owner, String id, String name, String birthDate)
            throws Exception {
        return TestFederation.record("{\"id\": \"" + id + "\", \"type\": \"Person\", \"owner\": \"" + owner
                + "\", \"names\": [{\"full\": \"" + name + "\"}], \"birthDate\": \"" + birthDate + "\"}");
    }

    private JsonNode publish(ObjectNode alert, String recipients) throws Exception {
        alert.set("recipients", JSON.readTree(recipients.equals("all") ? "\"all\"" : recipients));
        HttpResponse<String> r = ChannelTest.call(
                "POST", nodes.get("INTERPOL").url() + "/api/v1/alerts", "officer", "officer-pass", alert.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String node, String path) throws Exception {
        HttpResponse<String> r = ChannelTest.call("GET", nodes.get(node).url() + path, "officer", "officer-pass", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        return null;
    }

    private List<JsonNode> hits(String alert) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get("INTERPOL", "/api/v1/alerts/hits?alert=" + alert).path("hits").forEach(out::add);
        return out;
    }

    private JsonNode awaitHit(String alert, String participant) throws Exception {
        return await(
                "a hit on " + alert + " from " + participant,
                () -> find(JSON.valueToTree(hits(alert)), "participant", participant),
                h -> true);
    }

    private void awaitReceived(String node, String alert, String state) throws Exception {
        awaitReceived(node, alert, state, 1);
    }

    private void awaitReceived(String node, String alert, String state, int version) throws Exception {
        await(
                alert + " " + state + " at " + node,
                () -> find(get(node, "/api/v1/alerts?scope=received").path("alerts"), "id", alert),
                a -> a.path("state").asText().equals(state) && a.path("version").asInt() >= version);
    }

    /** {@link ChannelTest#await}: what {@code read} returns once it satisfies {@code until}, within a minute. */
    private static JsonNode await(String what, Callable<JsonNode> read, Predicate<JsonNode> until) throws Exception {
        return ChannelTest.await(what, read, until);
    }

    private List<org.concordia.audit.AuditEntry> audit(String node, AuditAction action) {
        return nodes.get(node).auditEntries().stream()
                .filter(e -> e.event().action() == action)
                .toList();
    }
}
