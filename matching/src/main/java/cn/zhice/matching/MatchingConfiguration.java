package cn.zhice.matching;

import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import cn.zhice.matching.targeting.EnterpriseIndex;
import cn.zhice.matching.targeting.PolicyRules;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the matching module: the size standard in force, its classifier, the in-memory enterprise index and the
 * parsed rule trees of the visible policies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {

    @Bean
    SizeClassifier sizeClassifier(MatchingProperties properties) {
        return new SizeClassifier(SizeStandard.load(properties.sizeStandard()));
    }

    @Bean
    EnterpriseIndex enterpriseIndex(SizeClassifier classifier, MatchingProperties properties, Clock clock) {
        return new EnterpriseIndex(classifier, Set.copyOf(properties.trackedTags()), clock);
    }

    @Bean
    PolicyRules policyRules(KnowledgeBase knowledgeBase, Clock clock, MatchingProperties properties) {
        return new PolicyRules(knowledgeBase, clock, properties.policyCacheTtl());
    }
}
