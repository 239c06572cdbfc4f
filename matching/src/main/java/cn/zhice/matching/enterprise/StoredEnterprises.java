package cn.zhice.matching.enterprise;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.Enterprises;
import cn.zhice.matching.ImportRejected;
import cn.zhice.matching.MatchingProperties;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.targeting.EnterpriseIndex;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link Enterprises} over the enterprise table and the same line reader, store and in-memory index as the REST
 * import, so a console import is searchable and targetable at once.
 */
@Service
class StoredEnterprises implements Enterprises {

    private final JdbcClient jdbc;
    private final EnterpriseStore store;
    private final EnterpriseIndex index;
    private final SizeClassifier classifier;
    private final MatchingProperties properties;
    private final ProfileUpdates updates;
    private final Clock clock;

    StoredEnterprises(JdbcClient jdbc, EnterpriseStore store, EnterpriseIndex index, SizeClassifier classifier,
            MatchingProperties properties, Clock clock, ProfileUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.store = store;
        this.index = index;
        this.classifier = classifier;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Page search(String text, int page, int size) {
        String pattern = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%";
        String where = pattern == null ? "" : " where lower(name) like :p or lower(uscc) like :p";
        var count = jdbc.sql("select count(*) from enterprise" + where);
        var ids = jdbc.sql("select uscc from enterprise" + where + " order by uscc limit :limit offset :offset")
                .param("limit", size)
                .param("offset", page * size);
        if (pattern != null) {
            count = count.param("p", pattern);
            ids = ids.param("p", pattern);
        }
        long total = count.query(Long.class).single();
        List<EnterpriseProfile> items = ids.query(String.class).list().stream()
                .map(id -> store.find(new Uscc(id)))
                .flatMap(Optional::stream)
                .toList();
        return new Page(items, total, page, size);
    }

    @Override
    public Optional<EnterpriseProfile> find(Uscc uscc) {
        return store.find(uscc);
    }

    @Override
    public Optional<Derived> derived(Uscc uscc) {
        return store.find(uscc).map(profile -> {
            Facts facts = Facts.of(profile, LocalDate.now(clock), classifier);
            String group = profile.industryCode() == null ? null : classifier.group(profile.industryCode());
            return new Derived(facts.size(), facts.sizeNote(), group, facts.ageYears(), List.copyOf(facts.tags()),
                    List.copyOf(facts.unknownTags()));
        });
    }

    @Override
    public ImportReport importJsonLines(InputStream content) {
        try {
            List<EnterpriseProfile> profiles = EnterpriseLines.read(
                    new InputStreamReader(content, StandardCharsets.UTF_8), properties.importMaxLines());
            // Through ProfileUpdates, like the REST import: indexed after commit, and new eligibility announced to push.
            updates.saveAll(profiles);
            return new ImportReport(profiles.size(), List.of());
        } catch (ImportRejected rejected) {
            return new ImportReport(0, rejected.errors());
        }
    }
}
