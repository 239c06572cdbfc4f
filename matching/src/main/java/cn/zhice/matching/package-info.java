/**
 * Matching: enterprise profiles, the official SME size classification and policy eligibility rules. Reads the rule
 * trees the knowledge base stores with each policy ({@code Entry.eligibility()}). Arrives with the matching issue.
 */
package cn.zhice.matching;
