/**
 * Staff console and admin API: staff users and roles, sign-in and access rules, and (as the other modules land)
 * the pages staff use to curate the knowledge base, review unanswered questions and run campaigns.
 */
package cn.zhice.admin;
