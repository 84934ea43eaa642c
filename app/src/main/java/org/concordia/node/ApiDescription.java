package org.concordia.node;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's API description (OpenAPI 3.1, served at {@code /v3/api-docs} by springdoc; a copy is kept
 * in {@code docs/openapi.json}). Springdoc reads the controllers; this adds what they do not say: title
 * and version, the authentication schemes, each operation's summary, and the roles that may call it,
 * taken from {@link SecurityConfiguration#RULES} so the description cannot drift from what is enforced.
 * The federation endpoint is described with the listener it answers on (mutual TLS, signed requests).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {
    static final String BASIC = "localAccount";
    static final String BEARER = "bearerToken";
    static final String MUTUAL_TLS = "federationCertificate";

    /** Tag and summary of each operation, by {@code "METHOD /path"} as springdoc names it. */
    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("POST /api/v1/searches", List.of("search", "Search this node and every partner")),
            Map.entry("GET /api/v1/records/{owner}/{id}", List.of("records", "View a record of this node (audited)")),
            Map.entry(
                    "POST /api/v1/imports",
                    List.of("records", "Import a file of records (ndjson, json, ftm, interpol); answers the report")),
            Map.entry("GET /api/v1/agreements", List.of("agreements", "This node's sharing agreements")),
            Map.entry(
                    "PUT /api/v1/agreements/{partner}",
                    List.of("agreements", "Create or replace the agreement with a partner (audited)")),
            Map.entry("GET /api/v1/audit", List.of("audit", "Audit log entries")),
            Map.entry("GET /api/v1/audit/verification", List.of("audit", "Verify the audit log")),
            Map.entry("GET /api/v1/directory", List.of("federation", "The participants this node knows")),
            Map.entry("GET /api/v1/me", List.of("account", "Who the caller is at this node")),
            Map.entry(
                    "POST /federation/v1/searches",
                    List.of("partner-protocol", "A partner's search (federation listener only)")));

    @Bean
    OpenAPI nodeApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Concordia node API")
                        .version("1")
                        .description("The user API of one Concordia node, version 1 (paths under /api/v1): federated"
                                + " search, record view, import, sharing agreements, the audit log. Sign in with a"
                                + " local account (HTTP Basic) or, where the node is configured for it, a bearer"
                                + " token of the organisation's identity provider. Errors are RFC 9457 problems with a"
                                + " stable `code` (docs/error-codes.md): 401 `unauthenticated`, 403 `forbidden`."
                                + " Each operation lists the roles that may call it (`x-roles`); anything not listed"
                                + " is refused. Also on the user port: /actuator/health (public) and"
                                + " /actuator/prometheus (admin). /federation/v1/searches answers only on the"
                                + " federation listener (mutual TLS, RFC 9421 signed requests), never here.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this node's user API (its user port)")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("a local account of this node"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("an access token of the organisation's identity provider, when"
                                                + " the node is configured for it; roles in its roles claim"))
                        .addSecuritySchemes(
                                MUTUAL_TLS,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.MUTUALTLS)
                                        .description("a partner node's certificate issued by the federation authority,"
                                                + " and an RFC 9421 signature on every request")));
    }

    @Bean
    OpenApiCustomizer operations() {
        return api -> {
            // here rather than in nodeApi(): springdoc replaces the schemas of the bean with those it finds
            api.getComponents()
                    .addSchemas("Problem", problemSchema())
                    .addSchemas("AuditEntry", auditEntrySchema())
                    .addSchemas(
                            "AuditPage",
                            new ObjectSchema()
                                    .addProperty("entries", new ArraySchema().items(ref("AuditEntry")))
                                    .addProperty(
                                            "next",
                                            new IntegerSchema()
                                                    .format("int64")
                                                    .description("the sequence to ask for next; null at the end")))
                    .addSchemas("AuditVerification", verificationSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                        List<String> known = OPERATIONS.get(method.name() + " " + path);
                        if (known != null) {
                            op.setTags(List.of(known.get(0)));
                            if (op.getSummary() == null) {
                                op.setSummary(known.get(1));
                            }
                        }
                        if (path.startsWith("/federation/")) {
                            federation(op);
                        } else {
                            roles(path, method, op);
                        }
                    }));
            operation(api, "/api/v1/imports", PathItem.HttpMethod.POST)
                    .setRequestBody(new RequestBody()
                            .required(true)
                            .description("the file, in the format named by `format`")
                            .content(new Content()
                                    .addMediaType("application/x-ndjson", new MediaType().schema(new StringSchema()))
                                    .addMediaType("application/json", new MediaType().schema(new StringSchema()))));
            answers(operation(api, "/api/v1/audit", PathItem.HttpMethod.GET), ref("AuditPage"));
            answers(operation(api, "/api/v1/audit/verification", PathItem.HttpMethod.GET), ref("AuditVerification"));
            // the federation endpoint reads and signs raw bytes; describe the JSON they hold
            ModelConverters converters = ModelConverters.getInstance(true);
            for (Class<?> c : List.of(SearchDtos.PartnerSearchRequest.class, SearchDtos.PartnerSearchResponse.class)) {
                converters.read(c).forEach((name, schema) -> {
                    if (api.getComponents().getSchemas() == null
                            || !api.getComponents().getSchemas().containsKey(name)) {
                        api.getComponents().addSchemas(name, schema);
                    }
                });
            }
            Operation partnerSearch = operation(api, "/federation/v1/searches", PathItem.HttpMethod.POST);
            partnerSearch.setRequestBody(new RequestBody()
                    .required(true)
                    .content(new Content()
                            .addMediaType("application/json", new MediaType().schema(ref("PartnerSearchRequest")))));
            answers(partnerSearch, ref("PartnerSearchResponse"));
        };
    }

    private static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths().get(path);
        Operation op = item == null ? null : item.readOperationsMap().get(method);
        if (op == null) {
            throw new IllegalStateException("the API description has no " + method + " " + path);
        }
        return op;
    }

    private static void answers(Operation op, Schema<?> schema) {
        op.getResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("OK")
                                .content(new Content()
                                        .addMediaType("application/json", new MediaType().schema(schema))));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static Schema<?> auditEntrySchema() {
        ObjectSchema o = new ObjectSchema();
        o.description("one entry of the hash chain: ids, codes and keyed hashes only");
        o.addProperty("sequence", new IntegerSchema().format("int64"));
        o.addProperty("at", new StringSchema().format("date-time"));
        o.addProperty("action", new StringSchema().description("SEARCH, PARTNER_SEARCH, RECORD_VIEW, ..."));
        for (String s : List.of("actor", "actorRole", "participant", "purpose", "outcome")) {
            o.addProperty(s, new StringSchema());
        }
        o.addProperty("recordIds", new ArraySchema().items(new StringSchema()));
        o.addProperty("termHashes", new ArraySchema().items(new StringSchema()));
        o.addProperty("details", new ObjectSchema().additionalProperties(new StringSchema()));
        o.addProperty("previousHash", new StringSchema());
        o.addProperty("hash", new StringSchema());
        o.addProperty(
                "unreadable",
                new BooleanSchema().description("true for a stored row that cannot be read back (only sequence set)"));
        return o;
    }

    private static Schema<?> verificationSchema() {
        ObjectSchema o = new ObjectSchema();
        o.description("intact: entries, lastSequence, lastHash, checkpointsVerified, checkpointsUnverified;"
                + " broken: code, sequence (the first entry concerned), explanation");
        o.addProperty("intact", new BooleanSchema());
        for (String s : List.of("entries", "lastSequence", "sequence")) {
            o.addProperty(s, new IntegerSchema().format("int64"));
        }
        for (String s : List.of("checkpointsVerified", "checkpointsUnverified")) {
            o.addProperty(s, new IntegerSchema());
        }
        for (String s : List.of("lastHash", "code", "explanation")) {
            o.addProperty(s, new StringSchema());
        }
        return o;
    }

    /** The roles of the rule that guards this operation, and its 401/403 answers. */
    private static void roles(String path, PathItem.HttpMethod method, Operation op) {
        String pattern = path.replaceAll("\\{[^}/]+}", "*");
        SecurityConfiguration.RULES.stream()
                .filter(r -> r.method().name().equals(method.name()) && r.path().equals(pattern))
                .findFirst()
                .ifPresent(rule -> {
                    List<String> roles = rule.roles().length == 0
                            ? List.of("any signed-in user")
                            : Arrays.stream(rule.roles()).map(Roles::wireName).toList();
                    op.addExtension("x-roles", roles);
                    String who = "Roles: " + String.join(", ", roles) + ".";
                    if (op.getDescription() == null) {
                        op.setDescription(who);
                    } else if (!op.getDescription().endsWith(who)) {
                        op.setDescription(op.getDescription() + "\n\n" + who);
                    }
                    op.setSecurity(List.of(
                            new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
                    op.getResponses()
                            .addApiResponse("401", problem("no valid credentials (code `unauthenticated`)"))
                            .addApiResponse("403", problem("the caller's role may not call this (code `forbidden`)"));
                });
    }

    private static void federation(Operation op) {
        ServerVariables vars = new ServerVariables();
        vars.addServerVariable(
                "listener",
                new ServerVariable()
                        ._default("node.example:8443")
                        .description("host and port of the node's federation listener, as the directory lists it"));
        op.setServers(List.of(new Server()
                .url("https://{listener}")
                .description("the node's federation listener (mutual TLS); not the user port, where this path is 404")
                .variables(vars)));
        op.setSecurity(List.of(new SecurityRequirement().addList(MUTUAL_TLS)));
        op.setDescription("For partner nodes, not users. The client certificate must be issued by the federation"
                + " authority and listed in the signed directory; the request must carry an RFC 9421 signature"
                + " (covering a digest, a fresh timestamp and a nonce never seen). The answer, under this owner's"
                + " agreement with the partner, is signed and bound to the request's nonce; a refusal is a signed"
                + " problem with its code (`signature_invalid`, `no_agreement`, ...) and is audited.");
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with the project's stable error code")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("code", new StringSchema().description("stable error code, docs/error-codes.md"))
                .addProperty("detail", new StringSchema().description("for people; never personal data"));
    }
}
