package cn.zhice.matching.enterprise;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.EnterpriseProfile.Consent;
import cn.zhice.matching.EnterpriseProfile.Contacts;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.RegistrationType;
import cn.zhice.matching.Uscc;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Enterprise profiles in the {@code enterprise} and {@code enterprise_tag} tables. */
@Repository
class EnterpriseStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    EnterpriseStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts or replaces every profile, in one transaction. */
    @Transactional
    void saveAll(List<EnterpriseProfile> profiles) {
        profiles.forEach(this::save);
    }

    /** Inserts or replaces one profile and its tags. Returns whether it was new. */
    @Transactional
    boolean save(EnterpriseProfile p) {
        boolean existed = jdbc.sql("delete from enterprise where uscc = ?").param(p.uscc().value()).update() > 0;
        jdbc.sql("""
                insert into enterprise (uscc, name, registration_type, industry_code, industry_edition, region,
                    registered_on, employees, revenue_wan, assets_wan, contact_mobile, contact_email, contact_wechat,
                    consent_sms, consent_email, consent_wechat, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.uscc().value(), p.name(), p.registrationType().name(),
                        p.industryCode() == null ? null : p.industryCode().toString(), p.industryEdition(), p.region(),
                        p.registeredOn() == null ? null : Date.valueOf(p.registeredOn()), p.employees(), p.revenueWan(),
                        p.assetsWan(), p.contacts().mobile(), p.contacts().email(), p.contacts().wechatOpenId(),
                        p.consent().sms(), p.consent().email(), p.consent().wechat(), OffsetDateTime.now(clock))
                .update();
        for (int i = 0; i < p.tags().size(); i++) {
            CertifiedTag t = p.tags().get(i);
            jdbc.sql("insert into enterprise_tag (uscc, position, name, level, certificate_no, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(p.uscc().value(), i, t.name(), t.level(), t.certificateNo(),
                            t.validFrom() == null ? null : Date.valueOf(t.validFrom()),
                            t.validTo() == null ? null : Date.valueOf(t.validTo()))
                    .update();
        }
        return !existed;
    }

    Optional<EnterpriseProfile> find(Uscc uscc) {
        List<EnterpriseProfile> found = query("where e.uscc = ?", uscc.value());
        return found.stream().findFirst();
    }

    /** Every profile, ordered by USCC; for rebuilding the in-memory index. */
    List<EnterpriseProfile> all() {
        return query("", null);
    }

    boolean delete(Uscc uscc) {
        return jdbc.sql("delete from enterprise where uscc = ?").param(uscc.value()).update() > 0;
    }

    private List<EnterpriseProfile> query(String where, String param) {
        Map<String, List<CertifiedTag>> tags = new HashMap<>();
        var tagQuery = jdbc.sql("select t.* from enterprise_tag t join enterprise e on e.uscc = t.uscc "
                + where + " order by t.uscc, t.position");
        (param == null ? tagQuery : tagQuery.param(param)).query((rs, n) -> {
            tags.computeIfAbsent(rs.getString("uscc"), k -> new ArrayList<>()).add(new CertifiedTag(rs.getString("name"),
                    rs.getString("level"), rs.getString("certificate_no"), date(rs, "valid_from"), date(rs, "valid_to")));
            return null;
        }).list();
        var query = jdbc.sql("select e.* from enterprise e " + where + " order by e.uscc");
        return (param == null ? query : query.param(param)).query((rs, n) -> row(rs, tags)).list();
    }

    private static EnterpriseProfile row(ResultSet rs, Map<String, List<CertifiedTag>> tags) throws SQLException {
        String uscc = rs.getString("uscc");
        String code = rs.getString("industry_code");
        Integer employees = rs.getObject("employees") == null ? null : rs.getInt("employees");
        return new EnterpriseProfile(new Uscc(uscc), rs.getString("name"),
                RegistrationType.valueOf(rs.getString("registration_type")),
                code == null ? null : IndustryCode.parse(code), rs.getString("industry_edition"), rs.getString("region"),
                date(rs, "registered_on"), employees, rs.getBigDecimal("revenue_wan"), rs.getBigDecimal("assets_wan"),
                tags.getOrDefault(uscc, List.of()),
                new Contacts(rs.getString("contact_mobile"), rs.getString("contact_email"), rs.getString("contact_wechat")),
                new Consent(rs.getBoolean("consent_sms"), rs.getBoolean("consent_email"), rs.getBoolean("consent_wechat")));
    }

    private static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
