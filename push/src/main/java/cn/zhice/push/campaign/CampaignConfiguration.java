package cn.zhice.push.campaign;

import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.push.PushProperties;
import cn.zhice.push.delivery.MessageTemplates;
import cn.zhice.push.delivery.OptOuts;
import cn.zhice.push.delivery.Outbox;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaign services, triggers and their schedule (planning every second, reminders each morning). */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    CampaignStore campaignStore(DataSource dataSource, Clock clock) {
        return new CampaignStore(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    CampaignService campaigns(CampaignStore store, Outbox outbox, OptOuts optOuts, PolicyTargeting targeting,
            KnowledgeBase knowledgeBase, MessageTemplates templates, PushProperties properties,
            TransactionTemplate pushTransactions, Clock clock) {
        return new CampaignService(store, outbox, optOuts, targeting, knowledgeBase, templates, properties, pushTransactions, clock);
    }

    @Bean
    CampaignTriggers campaignTriggers(CampaignService campaigns, CampaignStore store, KnowledgeBase knowledgeBase,
            PolicyTargeting targeting, PushProperties properties, TransactionTemplate pushTransactions, Clock clock) {
        return new CampaignTriggers(campaigns, store, knowledgeBase, targeting, properties, pushTransactions, clock);
    }

    @Bean
    CampaignSchedule campaignSchedule(CampaignService campaigns, CampaignTriggers triggers) {
        return new CampaignSchedule(campaigns, triggers);
    }

    /** The scheduled side: plan due campaigns and finish done ones every second; reminders every morning. */
    static final class CampaignSchedule {

        private final CampaignService campaigns;
        private final CampaignTriggers triggers;

        CampaignSchedule(CampaignService campaigns, CampaignTriggers triggers) {
            this.campaigns = campaigns;
            this.triggers = triggers;
        }

        @Scheduled(fixedDelayString = "${zhice.push.planning-interval:1s}")
        void plan() {
            campaigns.tick();
        }

        @Scheduled(cron = "${zhice.push.reminder-cron:0 0 9 * * *}", zone = "${zhice.time-zone:Asia/Shanghai}")
        void remind() {
            triggers.remindDeadlines();
        }
    }
}
