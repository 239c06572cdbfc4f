package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.understanding.EntityMention;
import cn.zhice.bot.understanding.EntityType;
import cn.zhice.bot.understanding.Intent;
import cn.zhice.bot.understanding.IntentScore;
import cn.zhice.bot.understanding.Understanding;
import cn.zhice.bot.understanding.Understood;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.store.EntryCodec;
import cn.zhice.bot.VerificationCodeSender;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.testsupport.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The conversation rules, with scripted understanding, search and matching, the real conversation log on H2 and the
 * binding codes in Redis (real, else embedded).
 */
class KnowledgeBaseDialogueTest {

    private static final EntryCodec CODEC = new EntryCodec();
    private static final String FACTORY_USCC = "91350100M000100Y43";
    private static final String NO_MOBILE_USCC = "92440300100000016A";
    private static final Entry LICENCE = CODEC.read("""
            {"externalId":"SG-1","kind":"SERVICE_GUIDE","title":"企业设立登记（营业执照申领）","department":"青禾区市场监督管理局",
             "summary":"开办企业，申领营业执照。",
             "where":{"offices":[{"name":"区政务服务中心","address":"青禾大道88号","hours":"工作日 9:00-17:00","phone":"0710-83560001"}],
                      "onlineUrl":"https://zwfw.example/qy","platform":"滨江政务服务网"},
             "how":{"steps":["网上申报","窗口核验","领取执照"],"materials":["法定代表人身份证","公司章程"],"timeLimit":"1个工作日","fee":"不收费"}}""");
    private static final Entry SOLE_TRADER = CODEC.read("""
            {"externalId":"SG-2","kind":"SERVICE_GUIDE","title":"个体工商户设立登记","summary":"个体户办执照。",
             "how":{"steps":["申请","领照"],"materials":["经营者身份证"]}}""");
    private static final Entry WHERE_POLICIES = CODEC.read("""
            {"externalId":"FAQ-3","kind":"FAQ","title":"政策在哪查？","answer":"登录青禾区人民政府门户网站「政务公开」栏目查询。"}""");

    private final Map<String, Understood> understood = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, List<SearchHit>> hits = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final String prefix = TestServices.uniquePrefix();
    private final RecordingCodeSender codes = new RecordingCodeSender();
    private final InMemoryPolicyTargeting targeting = new InMemoryPolicyTargeting()
            .add(InMemoryPolicyTargeting.enterprise(FACTORY_USCC, "青禾精密制造有限公司", "13800138000"), List.of(
                    new PolicyTargeting.PolicyMatch("POL-1", "高新技术企业认定奖励", Eligibility.ELIGIBLE,
                            "企业：已认定高新技术企业（符合）\n企业：注册地在青禾区（符合）"),
                    new PolicyTargeting.PolicyMatch("POL-2", "研发费用补助", Eligibility.LIKELY, "研发投入需人工核实")))
            .add(InMemoryPolicyTargeting.enterprise(NO_MOBILE_USCC, "青禾小吃店", null), List.of());
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private boolean agentsOnline;
    private JdbcClient jdbc;
    private KnowledgeBaseDialogue dialogue;

    @BeforeEach
    void setUp() {
        String url = "jdbc:h2:mem:dialogue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        entries.putAll(Map.of("SG-1", LICENCE, "SG-2", SOLE_TRADER, "FAQ-3", WHERE_POLICIES));
        KnowledgeBase kb = new KnowledgeBase() {
            @Override
            public Optional<Entry> visible(String externalId) {
                return Optional.ofNullable(entries.get(externalId));
            }

            @Override
            public List<Entry> visible(EntryKind kind) {
                return entries.values().stream().filter(e -> e.kind() == kind).toList();
            }

            @Override
            public List<List<String>> synonymGroups() {
                return List.of();
            }
        };
        Understanding understanding = text -> understood.getOrDefault(text, understanding(text, Intent.HOW_TO_APPLY, 0.9));
        PolicySearch search = query -> hits.getOrDefault(query.text(), List.of());
        SessionStore store = new SessionStore() {
            @Override
            public Session load(String userId) {
                return sessions.getOrDefault(userId, Session.NEW);
            }

            @Override
            public void save(String userId, Session session) {
                sessions.put(userId, session);
            }
        };
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("agents", (AgentAvailability) channel -> agentsOnline);
        beans.registerSingleton("codes", codes);
        BotProperties properties = new BotProperties(6.0, 0.92, 0.55, 40.0, 3, 2, Duration.ofMinutes(30), prefix,
                "青禾区政策助手", new BotProperties.Binding(Duration.ofMinutes(5), 3, Duration.ofSeconds(60)));
        connections = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(TestServices.redisUrl()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        Conversations conversations = new Conversations(jdbc, Clock.systemUTC());
        EnterpriseBinding binding = new EnterpriseBinding(redis, targeting, conversations,
                beans.getBeanProvider(VerificationCodeSender.class), properties, Clock.systemUTC());
        dialogue = new KnowledgeBaseDialogue(understanding, search, kb, store, conversations,
                beans.getBeanProvider(AgentAvailability.class), properties, binding);
    }

    @AfterEach
    void disconnect() {
        redis.delete(redis.keys(prefix + "*"));
        connections.destroy();
    }

    @Test
    void answersHowToApplyWithStepsMaterialsAndItsSource() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40), hit(SOLE_TRADER, 12)));

        Reply reply = say("营业执照怎么申请");

        assertThat(reply.answer().externalId()).isEqualTo("SG-1");
        assertThat(reply.text()).contains("办理流程", "1. 网上申报", "所需材料（2项）", "办理时限：1个工作日", "来源：企业设立登记");
        assertThat(reply.text()).contains("还想了解：").contains("「地点」").endsWith("\n满意请回复1，不满意请回复2");
        assertThat(reply.candidates()).extracting(Reply.Candidate::externalId).containsExactly("SG-1", "SG-2");
    }

    @Test
    void followUpQuestionRefersToTheEntryUnderDiscussion() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        understood.put("要带什么材料", understanding("要带什么材料", Intent.MATERIALS, 0.95));
        say("营业执照怎么申请");

        Reply followUp = say("要带什么材料");

        assertThat(followUp.answer().externalId()).isEqualTo("SG-1");
        assertThat(followUp.text()).contains("需要准备的材料", "1. 法定代表人身份证", "2. 公司章程");
    }

    @Test
    void hintWordsAnswerAboutTheEntryUnderDiscussion() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        say("营业执照怎么申请");

        Reply where = say("地点");

        assertThat(where.intent()).isEqualTo(Intent.WHERE_TO_FIND);
        assertThat(where.text()).contains("青禾大道88号", "工作日 9:00-17:00", "0710-83560001", "滨江政务服务网");
    }

    @Test
    void asksBackWhenTwoEntriesAreAlikeAndAcceptsTheChoice() {
        hits.put("执照", List.of(hit(LICENCE, 20), hit(SOLE_TRADER, 19.5f), hit(WHERE_POLICIES, 7)));

        Reply question = say("执照");

        assertThat(question.answer()).isNull();
        assertThat(question.text()).startsWith("您是想问：").contains("1. 企业设立登记", "2. 个体工商户设立登记", "3. 政策在哪查");
        Reply chosen = say("第二个");
        assertThat(chosen.answer().externalId()).isEqualTo("SG-2");
        assertThat(chosen.text()).contains("经营者身份证");
    }

    @Test
    void acceptsTheTitleAsAChoice() {
        hits.put("执照", List.of(hit(LICENCE, 20), hit(SOLE_TRADER, 19.5f)));
        say("执照");

        assertThat(say("个体工商户").answer().externalId()).isEqualTo("SG-2");
    }

    @Test
    void outOfScopeGetsAFriendlyReplyAndNeverAPolicy() {
        understood.put("今天天气怎么样", understanding("今天天气怎么样", Intent.OUT_OF_SCOPE, 0.93));
        hits.put("今天天气怎么样", List.of(hit(LICENCE, 3)));

        Reply reply = say("今天天气怎么样");

        assertThat(reply.answer()).isNull();
        assertThat(reply.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(reply.text()).contains("我可以帮您", "人工");
    }

    @Test
    void greetingThatNamesAnEntryIsAnsweredAsAQuestion() {
        understood.put("你好营业执照怎么办", new Understood("你好营业执照怎么办", "你好营业执照怎么办", Intent.GREETING, 0.6,
                List.of(new IntentScore(Intent.GREETING, 0.6), new IntentScore(Intent.HOW_TO_APPLY, 0.3)),
                List.of(new EntityMention(EntityType.ENTRY, "营业执照", "SG-1", 2, 6))));
        hits.put("你好营业执照怎么办", List.of(hit(LICENCE, 30)));

        Reply reply = say("你好营业执照怎么办");

        assertThat(reply.intent()).isEqualTo(Intent.HOW_TO_APPLY);
        assertThat(reply.answer().externalId()).isEqualTo("SG-1");
    }

    @Test
    void leavesATicketAfterTwoConsecutiveMissesWhenNobodyIsOnline() {
        Reply first = say("火星移民补贴");
        Reply second = say("月球土地补贴");

        assertThat(first.handoff()).isEqualTo(Reply.Handoff.NONE);
        assertThat(first.text()).contains("没有找到", "火星移民补贴");
        assertThat(second.handoff()).isEqualTo(Reply.Handoff.TICKET_CREATED);
        assertThat(second.text()).contains("工单号");
        assertThat(jdbc.sql("select question from bot_ticket").query(String.class).list()).containsExactly("月球土地补贴");
    }

    @Test
    void transfersToAnAgentOnWeChatWhenAgentsAreOnline() {
        agentsOnline = true;
        understood.put("转人工", understanding("转人工", Intent.HUMAN_AGENT, 0.97));

        Reply onWeChat = dialogue.respond(new Turn("openid-1", "转人工", Channel.WECHAT));
        Reply onWeb = say("转人工");

        assertThat(onWeChat.handoff()).isEqualTo(Reply.Handoff.TRANSFER_TO_AGENT);
        assertThat(onWeb.handoff()).isEqualTo(Reply.Handoff.TICKET_CREATED);
    }

    @Test
    void unsubscribeIsRemembered() {
        understood.put("不要再推送了", understanding("不要再推送了", Intent.UNSUBSCRIBE_PUSH, 0.9));

        assertThat(say("不要再推送了").text()).contains("已为您退订");

        assertThat(jdbc.sql("select push_opted_out from bot_user_preference").query(Boolean.class).single()).isTrue();
    }

    @Test
    void bindsAnEnterpriseAfterTheSmsCodeSentToItsRegisteredMobile() {
        bindIntent("绑定企业");

        assertThat(say("绑定企业").text()).contains("18位统一社会信用代码");
        Reply sent = say(FACTORY_USCC.toLowerCase());
        assertThat(sent.text()).contains("138******00").doesNotContain("13800138000");
        assertThat(codes.sent).singleElement().satisfies(sms -> {
            assertThat(sms.mobile()).isEqualTo("13800138000");
            assertThat(sms.code()).matches("\\d{6}");
        });
        assertThat(redis.keys(prefix + "binding:*")).singleElement().satisfies(key -> assertThat(
                redis.opsForHash().values(key)).doesNotContain(codes.lastCode()));

        Reply bound = say(codes.lastCode());

        assertThat(bound.text()).contains("已绑定企业").doesNotContain(FACTORY_USCC);
        assertThat(jdbc.sql("select uscc from bot_user_preference").query(String.class).single()).isEqualTo(FACTORY_USCC);
        assertThat(redis.keys(prefix + "binding:*")).isEmpty();
    }

    @Test
    void explainsAWrongCheckCharacterAndAnUnknownEnterprise() {
        bindIntent("绑定企业");
        say("绑定企业");

        assertThat(say("91350100M000100Y44").text()).contains("校验码应为“3”");
        assertThat(say("91440300MA5FXXXX0Y").text()).contains("统一社会信用代码有误");
        assertThat(say("913301061000001390").text()).contains("没有找到");
        assertThat(say(NO_MOBILE_USCC).text()).contains("没有登记手机号");
        assertThat(codes.sent).isEmpty();
    }

    @Test
    void cancelsTheBindingAfterTooManyWrongCodes() {
        bindIntent("绑定企业 " + FACTORY_USCC);
        say("绑定企业 " + FACTORY_USCC);
        String wrong = codes.lastCode().equals("000000") ? "111111" : "000000";

        assertThat(say(wrong).text()).contains("还可以再试 2 次");
        assertThat(say(wrong).text()).contains("还可以再试 1 次");
        assertThat(say(wrong).text()).contains("错误次数过多");
        assertThat(say(codes.lastCode()).text()).doesNotContain("已绑定企业");
        assertThat(jdbc.sql("select count(*) from bot_user_preference").query(Integer.class).single()).isZero();
    }

    @Test
    void doesNotResendACodeWithinAMinute() {
        bindIntent("绑定企业 " + FACTORY_USCC);
        say("绑定企业 " + FACTORY_USCC);

        assertThat(say(FACTORY_USCC).text()).contains("刚刚已发送");
        assertThat(codes.sent).hasSize(1);
    }

    @Test
    void listsEligiblePoliciesForABoundEnterpriseAndAsksOthersToBind() {
        assertThat(say("我能申请哪些政策").text()).contains("回复「绑定企业」");

        bindIntent("绑定企业 " + FACTORY_USCC);
        say("绑定企业 " + FACTORY_USCC);
        say(codes.lastCode());
        Reply policies = say("我能申请哪些政策");

        assertThat(policies.text()).contains("青禾精密制造有限公司", "1. 高新技术企业认定奖励（符合条件）：企业：已认定高新技术企业（符合）",
                "2. 研发费用补助（可能符合，需人工审核）");
    }

    @Test
    void detailsContinuesAReplyCutAtWeChatsLengthLimit() {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            steps.append(i == 1 ? "" : ",").append("\"第").append(i).append("步：向竣工联合验收窗口提交第").append(i)
                    .append("份验收报告及其附件，并等待审核意见\"");
        }
        Entry longGuide = CODEC.read("{\"externalId\":\"SG-9\",\"kind\":\"SERVICE_GUIDE\",\"title\":\"建设工程竣工联合验收\","
                + "\"how\":{\"steps\":[" + steps + "]}}");
        entries.put("SG-9", longGuide);
        hits.put("竣工验收怎么办", List.of(hit(longGuide, 40)));

        Reply first = say("竣工验收怎么办");
        Reply second = say("详情");
        StringBuilder shown = new StringBuilder(first.text()).append(second.text());
        for (Reply next = second; next.text().endsWith("查看更多") && shown.length() < 100_000; ) {
            next = say("详情");
            assertThat(LongText.utf8Length(next.text())).isLessThanOrEqualTo(2048);
            shown.append(next.text());
        }

        assertThat(LongText.utf8Length(first.text())).isLessThanOrEqualTo(2048);
        assertThat(first.text()).contains("第1步").endsWith("回复「详情」查看更多").doesNotContain("第60步", "满意请回复1");
        assertThat(second.answer().externalId()).isEqualTo("SG-9");
        assertThat(LongText.utf8Length(second.text())).isLessThanOrEqualTo(2048);
        assertThat(shown.toString()).contains("第30步", "第60步", "来源：建设工程竣工联合验收");
    }

    @Test
    void aQuestionThatLooksSomethingUpIsAnsweredByTheLookupService() {
        Entry lookup = CODEC.read("{\"externalId\":\"SG-7\",\"kind\":\"SERVICE_GUIDE\",\"title\":\"营业执照信息查询\","
                + "\"summary\":\"查询企业登记信息。\"}");
        entries.put("SG-7", lookup);
        hits.put("怎么查一家公司的营业执照", List.of(hit(LICENCE, 60), hit(lookup, 35), hit(SOLE_TRADER, 20)));
        hits.put("营业执照在哪办", List.of(hit(LICENCE, 60), hit(lookup, 35)));

        assertThat(say("怎么查一家公司的营业执照").answer().externalId()).isEqualTo("SG-7");
        assertThat(say("营业执照在哪办").answer().externalId()).isEqualTo("SG-1");
    }

    private void bindIntent(String text) {
        understood.put(text, understanding(text, Intent.BIND_ENTERPRISE, 0.9));
    }

    @Test
    void logsEveryTurnWithItsOutcome() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        say("营业执照怎么申请");
        say("火星移民补贴");

        assertThat(jdbc.sql("select outcome from bot_turn order by id").query(String.class).list())
                .containsExactly("ANSWERED", "MISSED");
        assertThat(jdbc.sql("select entry_id from bot_turn where outcome = 'ANSWERED'").query(String.class).single())
                .isEqualTo("SG-1");
    }

    @Test
    void morePagesThroughFurtherResultsUntilThereAreNone() {
        Entry fourth = CODEC.read("{\"externalId\":\"FAQ-4\",\"kind\":\"FAQ\",\"title\":\"执照遗失怎么补办？\",\"answer\":\"登报声明后申请补领。\"}");
        hits.put("执照", List.of(hit(LICENCE, 20), hit(SOLE_TRADER, 19.5f), hit(WHERE_POLICIES, 19), hit(fourth, 18.8f)));
        say("执照");

        Reply more = say("更多");
        Reply none = say("更多");

        assertThat(more.text()).startsWith("还有这些：").contains("1. 执照遗失怎么补办？");
        assertThat(none.text()).contains("没有更多结果");
    }

    @Test
    void storesSatisfiedAgainstTheAnswerItFollows() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        say("营业执照怎么申请");

        Reply thanks = say("满意！");

        assertThat(thanks.text()).isEqualTo(Messages.RATED_SATISFIED);
        assertThat(thanks.answer()).isNull();
        assertThat(jdbc.sql("select outcome, rating from bot_turn order by id")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list())
                .containsExactly("ANSWERED/SATISFIED", "RATING/null");
        assertThat(jdbc.sql("select rated_at from bot_turn where rating is not null").query(OffsetDateTime.class)
                .single()).isNotNull();
    }

    @Test
    void twoRatesTheLastAnswerDissatisfiedAndTheLastRatingCounts() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        hits.put("个体户怎么办", List.of(hit(SOLE_TRADER, 40)));
        say("营业执照怎么申请");
        say("满意");
        say("个体户怎么办");
        say("1");

        Reply sorry = say("2");

        assertThat(sorry.text()).contains("抱歉", "工作人员", "「人工」");
        assertThat(jdbc.sql("select normalized from bot_turn where rating = 'DISSATISFIED'").query(String.class).list())
                .containsExactly("个体户怎么办");
        assertThat(jdbc.sql("select normalized from bot_turn where rating = 'SATISFIED'").query(String.class).list())
                .containsExactly("营业执照怎么申请");
    }

    @Test
    void flagsAnswersRatedDissatisfiedAndCountsRatingsPerDay() {
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        hits.put("个体户怎么办", List.of(hit(SOLE_TRADER, 40)));
        say("营业执照怎么申请");
        say("不满意");
        say("个体户怎么办");
        say("很满意");
        ConversationLog log = new JdbcConversationLog(jdbc, (openId, text) -> { }, Clock.systemUTC());

        List<ConversationLog.FlaggedTurn> flagged = log.flagged(OffsetDateTime.now().minusHours(1), 10);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ConversationLog.Day day = log.stats(today, today, ZoneId.of("Asia/Shanghai")).days().get(0);

        assertThat(flagged).extracting(ConversationLog.FlaggedTurn::text, ConversationLog.FlaggedTurn::flag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("营业执照怎么申请", ConversationLog.Flag.DISSATISFIED));
        assertThat(day.questions()).isEqualTo(2);
        assertThat(day.ratedSatisfied()).isEqualTo(1);
        assertThat(day.ratedDissatisfied()).isEqualTo(1);
        assertThat(day.dissatisfied()).isZero();
    }

    @Test
    void aRatingWithNoAnswerToRateIsHandledAsUsual() {
        understood.put("不满意", understanding("不满意", Intent.FEEDBACK, 0.9));
        understood.put("谢谢", understanding("谢谢", Intent.THANKS, 0.95));
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));

        Reply complaint = say("不满意");
        say("营业执照怎么申请");
        say("谢谢");
        Reply late = say("不满意");

        assertThat(complaint.text()).isEqualTo(Messages.FEEDBACK);
        assertThat(late.text()).isEqualTo(Messages.FEEDBACK);
        assertThat(jdbc.sql("select count(*) from bot_turn where rating is not null").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select outcome from bot_turn order by id").query(String.class).list())
                .containsExactly("FEEDBACK", "ANSWERED", "CHITCHAT", "FEEDBACK");
    }

    @Test
    void aNumberedChoiceListStillTakesOne() {
        hits.put("执照", List.of(hit(LICENCE, 20), hit(SOLE_TRADER, 19.5f)));
        hits.put("营业执照怎么申请", List.of(hit(LICENCE, 40)));
        say("营业执照怎么申请");
        Reply question = say("执照");

        Reply chosen = say("1");

        assertThat(question.text()).doesNotContain("满意请回复");
        assertThat(chosen.answer().externalId()).isEqualTo("SG-1");
        assertThat(chosen.text()).endsWith("满意请回复1，不满意请回复2");
        assertThat(jdbc.sql("select count(*) from bot_turn where rating is not null").query(Long.class).single()).isZero();
    }

    private Reply say(String text) {
        return dialogue.respond(new Turn("web:u1", text, Channel.WEB));
    }

    private static SearchHit hit(Entry entry, float score) {
        return new SearchHit(entry.externalId(), entry.kind(), entry.title(), score, "");
    }

    private static Understood understanding(String text, Intent intent, double confidence) {
        return new Understood(text, text, intent, confidence, List.of(new IntentScore(intent, confidence)), List.of());
    }
}
