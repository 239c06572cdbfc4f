package cn.zhice.matching;

import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the matching module: the size standard in force and its classifier. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {

    @Bean
    SizeClassifier sizeClassifier(MatchingProperties properties) {
        return new SizeClassifier(SizeStandard.load(properties.sizeStandard()));
    }
}
