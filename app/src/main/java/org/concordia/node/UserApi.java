package org.concordia.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportReport;
import org.concordia.imports.ImportReportJson;
import org.concordia.imports.ImportSetupException;
import org.concordia.imports.Importer;
import org.concordia.imports.RecordSource;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;
import org.concordia.port.VersionedRecord;
import org.concordia.problem.ErrorCode;
import org.concordia.search.FederatedSearch;
import org.concordia.search.SearchQuery;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's user API, version 1: federated search, record view, import, sharing agreements, the
 * caller's own account. Who may call what: {@link SecurityConfiguration#RULES}. Requests on the
 * federation port are refused here ({@link PortGuard}).
 */
@RestController
@RequestMapping("/api/v1")
class UserApi {
    private final Node node;

    UserApi(Node node) {
        this.node = node;
    }

    /** One search over this node's records and every partner's, under each owner's agreement. */
    @PostMapping(path = "/searches", produces = MediaType.APPLICATION_JSON_VALUE)
    SearchDtos.SearchResponse search(@RequestBody SearchDtos.SearchRequest request, Principal user) {
        SearchQuery.Checked checked = request.text() != null && !request.text().isBlank()
                ? SearchQuery.fromText(request.purpose(), request.text())
                : SearchQuery.of(
                        request.purpose(),
                        request.name(),
                        request.birthDate(),
                        request.nationality(),
                        request.document());
        if (checked instanceof SearchQuery.Checked.Invalid bad) {
            throw new ApiErrors.ApiException(400, bad.code(), bad.reason());
        }
        SearchQuery query = ((SearchQuery.Checked.Valid) checked).query();
        FederatedSearch.Outcome outcome = node.search(query, user.getName());
        return SearchDtos.response(outcome);
    }

    /** A record of this node, current version; the view is audited. */
    @GetMapping(path = "/records/{owner}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> record(@PathVariable String owner, @PathVariable String id, Principal user) {
        ParticipantCode o = ParticipantCode.parse(owner);
        if (o == null || !RecordId.isValid(id)) {
            throw new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such record");
        }
        VersionedRecord v = node.view(o, new RecordId(id), user.getName())
                .orElseThrow(() -> new ApiErrors.ApiException(404, ErrorCode.NOT_FOUND, "no such record"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", v.version());
        out.put("storedAt", v.storedAt().toString());
        out.put("record", SearchDtos.recordMap(v.record()));
        return out;
    }

    /**
     * Imports a file sent as the request body (the formats of {@code ./concordia import}); answers with
     * the same import report. Records are searchable as soon as the call returns.
     */
    @PostMapping(path = "/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> importFile(
            InputStream body,
            @RequestParam(defaultValue = "ndjson") String format,
            @RequestParam(defaultValue = "upload") String name,
            Principal user)
            throws IOException {
        ImportFormat f = ImportFormat.parse(format)
                .filter(x -> x != ImportFormat.CSV)
                .orElseThrow(() -> new ApiErrors.ApiException(
                        400, ErrorCode.UNREADABLE_INPUT, "format must be ndjson, json, ftm or interpol"));
        Path tmp = Files.createTempFile("concordia-upload", "." + f.wireName());
        try {
            Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (RecordSource source = f.open(tmp, null, 100 * 1024 * 1024)) {
                Importer importer = new Importer(
                        RecordDecoder.forNode(node.participant()), node.indexingStore(), Importer.DEFAULT_BATCH_SIZE);
                ImportReport report = importer.run(source, name, f.wireName());
                node.imported(user.getName(), report);
                return ResponseEntity.status(report.hasRejections() ? 422 : 200)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ImportReportJson.toJson(report));
            } catch (ImportSetupException e) {
                throw new ApiErrors.ApiException(400, e.code(), e.getMessage());
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Agreement as JSON: {@code {"partner", "mode", "recordTypes", "maxTlp", "purposes"}}. */
    record AgreementDto(String partner, String mode, List<String> recordTypes, String maxTlp, List<String> purposes) {
        static AgreementDto of(SharingAgreement a) {
            return new AgreementDto(
                    a.partner().value(),
                    a.mode().wireName(),
                    a.recordTypes().stream().map(RecordType::wireName).sorted().toList(),
                    a.maxTlp().wireName(),
                    a.purposes().stream().sorted().toList());
        }
    }

    @GetMapping(path = "/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AgreementDto> agreements() {
        return node.agreements().policy().agreements().stream()
                .map(AgreementDto::of)
                .toList();
    }

    /** Creates or replaces the agreement with a partner; the change is audited. */
    @PutMapping(path = "/agreements/{partner}", produces = MediaType.APPLICATION_JSON_VALUE)
    AgreementDto putAgreement(@PathVariable String partner, @RequestBody AgreementDto body, Principal user) {
        ParticipantCode p = ParticipantCode.parse(partner);
        if (p == null || p.equals(node.participant())) {
            throw new ApiErrors.ApiException(
                    400, ErrorCode.INVALID_OWNER, "partner must be another participant's code");
        }
        SharingMode mode = SharingMode.parse(body.mode())
                .orElseThrow(() -> new ApiErrors.ApiException(
                        400, ErrorCode.INVALID_VALUE, "mode must be full, hit-only or none"));
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (String t : body.recordTypes() == null ? List.<String>of("Person") : body.recordTypes()) {
            types.add(RecordType.fromWireName(t)
                    .orElseThrow(() -> new ApiErrors.ApiException(400, ErrorCode.UNKNOWN_TYPE, "unknown record type")));
        }
        TlpLabel tlp = body.maxTlp() == null
                ? TlpLabel.AMBER
                : TlpLabel.parse(body.maxTlp())
                        .orElseThrow(() -> new ApiErrors.ApiException(
                                400, ErrorCode.INVALID_HANDLING, "maxTlp is not a TLP 2.0 label"));
        List<String> purposes = new ArrayList<>();
        for (String s : body.purposes() == null ? List.<String>of() : body.purposes()) {
            purposes.add(org.concordia.sharing.Purpose.parse(s)
                    .orElseThrow(() ->
                            new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, "a purpose is not a purpose code"))
                    .code());
        }
        SharingAgreement a = new SharingAgreement(node.participant(), p, mode, types, tlp, Set.copyOf(purposes));
        node.changeAgreement(a, user.getName());
        return AgreementDto.of(a);
    }

    /** The participants this node knows from the federation directory. */
    @GetMapping(path = "/directory", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> directory() {
        return Map.of(
                "self",
                node.participant().value(),
                "partners",
                node.partnerCodes().stream().map(ParticipantCode::value).toList());
    }

    /** Who the caller is at this node. */
    @GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> me(Principal user, org.springframework.security.core.Authentication auth) {
        return Map.of(
                "user", user.getName(),
                "participant", node.participant().value(),
                "roles",
                        auth.getAuthorities().stream()
                                .map(a -> a.getAuthority().replace("ROLE_", "").toLowerCase(java.util.Locale.ROOT))
                                .toList());
    }
}
