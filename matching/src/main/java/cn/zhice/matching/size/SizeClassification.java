package cn.zhice.matching.size;

import cn.zhice.matching.SizeClass;

/**
 * The outcome of 企业划型.
 *
 * @param size          the size class, or null when the standard does not cover the industry (e.g. 金融业)
 * @param industryGroup the row of the standard, e.g. 工业; null when not covered
 * @param standard      the standard applied, e.g. 工信部联企业〔2011〕300号
 * @param explanation   the reasoning in Chinese, clause by clause
 */
public record SizeClassification(SizeClass size, String industryGroup, String standard, String explanation) {

    /** Whether the standard covers the industry. */
    public boolean covered() {
        return size != null;
    }
}
