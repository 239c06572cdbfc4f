package cn.zhice.matching;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Matching settings ({@code zhice.matching.*}).
 *
 * @param sizeStandard the classpath resource of the size standard in force
 * @param trackedTags  the certifications enterprise profiles record; a rule needing any other tag (e.g. 享受研发费用加计扣除)
 *                     is left to staff review (MANUAL) instead of counting as unmet
 * @param pageSize     how many targets {@code POST /api/matching/policy-targets} returns per page at most
 * @param importMaxLines the most enterprises one import may carry
 * @param policyCacheTtl how long parsed policy rule trees are reused before the knowledge base is read again; this
 *                     instance's own publications take effect at once, other instances' within this time
 */
@ConfigurationProperties("zhice.matching")
public record MatchingProperties(
        @DefaultValue("/size-standard/gxb-2011-300.json") String sizeStandard,
        @DefaultValue({"高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新\"小巨人\"", "创新型中小企业",
                "制造业单项冠军", "规上企业", "瞪羚企业"}) List<String> trackedTags,
        @DefaultValue("50") int pageSize,
        @DefaultValue("100000") int importMaxLines,
        @DefaultValue("30s") Duration policyCacheTtl) {}
