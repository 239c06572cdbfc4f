package cn.zhice.matching.size;

import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.SizeClass;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/matching/size-class}: 企业划型 under the standard in force, with its explanation. */
@RestController
class SizeClassController {

    private final SizeClassifier classifier;

    SizeClassController(SizeClassifier classifier) {
        this.classifier = classifier;
    }

    /** The indicators to classify; the industry's row decides which are required. */
    record SizeClassRequest(String industryCode, Integer employees, BigDecimal revenueWan, BigDecimal assetsWan) {}

    /** {@code size} is null when the standard does not cover the industry (金融业); the explanation says why. */
    record SizeClassResponse(SizeClass size, String industryGroup, String standard, String explanation) {}

    @PostMapping("/api/matching/size-class")
    SizeClassResponse classify(@RequestBody SizeClassRequest request) {
        SizeClassification c = classifier.classify(IndustryCode.parse(request.industryCode()),
                new SizeClassifier.Indicators(request.employees(), request.revenueWan(), request.assetsWan()));
        return new SizeClassResponse(c.size(), c.industryGroup(), c.standard(), c.explanation());
    }
}
