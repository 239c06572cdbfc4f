package cn.zhice.matching.enterprise;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseNotFound;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.InvalidUscc;
import cn.zhice.matching.MatchingProperties;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.Verdict;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.targeting.EnterpriseIndex;
import cn.zhice.matching.targeting.PolicyRules;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Enterprise profiles for staff: import, CRUD under {@code /api/admin/enterprises}, and 政策计算器
 * {@code GET /api/matching/enterprises/{uscc}/policies}.
 */
@RestController
class EnterpriseController {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseController.class);

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseStore store;
    private final ProfileUpdates updates;
    private final PolicyRules policies;
    private final SizeClassifier classifier;
    private final MatchingProperties properties;
    private final Set<String> tracked;
    private final Clock clock;

    EnterpriseController(EnterpriseStore store, ProfileUpdates updates, PolicyRules policies, SizeClassifier classifier,
            MatchingProperties properties, EnterpriseIndex index, Clock clock) {
        this.store = store;
        this.updates = updates;
        this.policies = policies;
        this.classifier = classifier;
        this.properties = properties;
        this.tracked = index.trackedTags();
        this.clock = clock;
    }

    record Imported(int imported) {}

    @PostMapping(path = "/api/admin/enterprises/import", consumes = {"application/x-ndjson", "application/jsonl", "text/plain"})
    Imported importLines(HttpServletRequest request) throws IOException {
        return save(EnterpriseLines.read(
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), properties.importMaxLines()));
    }

    /** The same import as an Excel workbook sent as the request body. */
    @PostMapping(path = "/api/admin/enterprises/import", consumes = XLSX)
    Imported importWorkbook(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return save(EnterpriseSheet.read(in, properties.importMaxLines()));
        }
    }

    /** An uploaded file (form field {@code file}): a name ending in .xlsx or the Excel content type means a workbook. */
    @PostMapping(path = "/api/admin/enterprises/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importFile(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            return save(name.endsWith(".xlsx") || XLSX.equals(file.getContentType())
                    ? EnterpriseSheet.read(in, properties.importMaxLines())
                    : EnterpriseLines.read(new InputStreamReader(in, StandardCharsets.UTF_8), properties.importMaxLines()));
        }
    }

    private Imported save(List<EnterpriseProfile> profiles) {
        updates.saveAll(profiles);
        log.info("imported {} enterprise profiles", profiles.size());
        return new Imported(profiles.size());
    }

    @GetMapping("/api/admin/enterprises/{uscc}")
    EnterpriseView get(@PathVariable String uscc) {
        Uscc key = Uscc.parse(uscc);
        return EnterpriseView.of(store.find(key).orElseThrow(() -> new EnterpriseNotFound(key)));
    }

    @PutMapping("/api/admin/enterprises/{uscc}")
    ResponseEntity<EnterpriseView> put(@PathVariable String uscc, @RequestBody JsonNode body) {
        EnterpriseProfile profile = EnterpriseLines.read(new StringReader(body.toString()), 1).get(0);
        if (!profile.uscc().equals(Uscc.parse(uscc))) {
            throw new InvalidUscc(uscc, "路径中的统一社会信用代码与请求体中的不一致");
        }
        boolean created = updates.save(profile);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(EnterpriseView.of(profile));
    }

    @DeleteMapping("/api/admin/enterprises/{uscc}")
    ResponseEntity<Void> delete(@PathVariable String uscc) {
        Uscc key = Uscc.parse(uscc);
        if (!updates.delete(key)) {
            throw new EnterpriseNotFound(key);
        }
        return ResponseEntity.noContent().build();
    }

    /** One policy's outcome for the enterprise. */
    record PolicyMatch(String externalId, String title, Eligibility eligibility, String explanation) {}

    /** 政策计算器: eligible and likely policies first, then those needing data; not-eligible ones are left out. */
    @GetMapping("/api/matching/enterprises/{uscc}/policies")
    List<PolicyMatch> policies(@PathVariable String uscc) {
        Uscc key = Uscc.parse(uscc);
        EnterpriseProfile profile = store.find(key).orElseThrow(() -> new EnterpriseNotFound(key));
        LocalDate today = LocalDate.now(clock);
        Facts facts = Facts.of(profile, today, classifier);
        List<PolicyMatch> matches = new ArrayList<>();
        for (PolicyRule policy : policies.all()) {
            if (policy.tree().eligibility(facts, tracked) == Eligibility.NOT_ELIGIBLE) {
                continue;
            }
            Verdict v = policy.tree().evaluate(facts, tracked);
            matches.add(new PolicyMatch(policy.externalId(), policy.title(), v.eligibility(), v.explanation()));
        }
        matches.sort(Comparator.comparing(PolicyMatch::eligibility).thenComparing(PolicyMatch::externalId));
        return matches;
    }

    /** A profile in the import format, plus the stored registration type and industry edition. */
    record EnterpriseView(String uscc, String name, String registrationType, String industryCode, String industryEdition,
            String region, LocalDate registeredOn, Integer employees, BigDecimal revenueWan, BigDecimal assetsWan,
            List<EnterpriseProfile.CertifiedTag> tags, EnterpriseProfile.Contacts contacts,
            EnterpriseProfile.Consent consent) {

        static EnterpriseView of(EnterpriseProfile p) {
            return new EnterpriseView(p.uscc().value(), p.name(), p.registrationType().label(),
                    p.industryCode() == null ? null : p.industryCode().toString(), p.industryEdition(), p.region(),
                    p.registeredOn(), p.employees(), p.revenueWan(), p.assetsWan(), p.tags(), p.contacts(), p.consent());
        }
    }
}
