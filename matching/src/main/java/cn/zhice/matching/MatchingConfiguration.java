package cn.zhice.matching;

import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import cn.zhice.matching.targeting.EnterpriseIndex;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the matching module: the size standard in force, its classifier and the in-memory enterprise index. */
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
}
