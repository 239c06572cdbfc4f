package cn.zhice.bot.dialogue;

import cn.zhice.bot.understanding.EntityMention;
import cn.zhice.bot.understanding.EntityType;
import cn.zhice.bot.understanding.Intent;
import cn.zhice.bot.understanding.IntentScore;
import cn.zhice.bot.understanding.Understanding;
import cn.zhice.bot.understanding.Understood;
import cn.zhice.kb.Entry;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The bot's conversation: understands the message, answers from the knowledge base when it is sure, asks back with a
 * numbered list when two entries are equally likely, follows up on the entry under discussion, says what it can do
 * when a message is out of scope, and hands over to a person when asked or after repeated misses.
 */
@Service
class KnowledgeBaseDialogue implements Dialogue {

    static final Set<Intent> QUESTIONS = EnumSet.of(Intent.WHERE_TO_FIND, Intent.HOW_TO_APPLY, Intent.MATERIALS,
            Intent.ELIGIBILITY, Intent.DEADLINE, Intent.CONTACT, Intent.POLICY_LOOKUP, Intent.INFO_DISCLOSURE);

    /** The words our own hints offer ("还想了解：「材料」「流程」…"), answered about the entry under discussion. */
    private static final Map<String, Intent> HINT_WORDS = Map.ofEntries(
            Map.entry("材料", Intent.MATERIALS), Map.entry("流程", Intent.HOW_TO_APPLY),
            Map.entry("怎么办", Intent.HOW_TO_APPLY), Map.entry("地点", Intent.WHERE_TO_FIND),
            Map.entry("地址", Intent.WHERE_TO_FIND), Map.entry("电话", Intent.CONTACT),
            Map.entry("条件", Intent.ELIGIBILITY), Map.entry("时限", Intent.DEADLINE),
            Map.entry("截止时间", Intent.DEADLINE));
    /** Labels that give way when the message turns out to be a question the knowledge base answers. */
    private static final Set<Intent> YIELDS_TO_QUESTION = EnumSet.of(Intent.GREETING, Intent.THANKS,
            Intent.OUT_OF_SCOPE, Intent.FEEDBACK, Intent.SUBSCRIBE_PUSH, Intent.UNSUBSCRIBE_PUSH);
    /** Something typed as a USCC (checked properly by {@code Uscc}): 15 to 20 letters and digits standing alone. */
    private static final Pattern USCC_LIKE = Pattern.compile("(?<![0-9A-Za-z])(?=[0-9A-Za-z]*\\d)[0-9A-Za-z]{15,20}(?![0-9A-Za-z])");
    /** A message of at most this many letters and no question words is a topic to browse ("补贴"). */
    private static final int TOPIC_MAX_LENGTH = 4;
    /** A topic's hits are offered down to this share of the minimum score for a question. */
    private static final double TOPIC_SCORE_SHARE = 0.25;
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern CANCEL = Pattern.compile("取消(绑定)?");
    /** "我能申请哪些政策", "我们公司可以享受什么政策", "适合我企业的政策". */
    private static final Pattern MY_POLICIES = Pattern.compile(
            "(我|我们|咱们|本)(的)?(公司|企业|单位)?(能|可以|可)(申请|享受|申报|领)(哪些|什么|啥)(政策|补贴|优惠|扶持)"
                    + "|适合(我|我们)(的)?(公司|企业|单位)?的(政策|补贴)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\s]+$");
    /** Whole messages that rate the previous answer: true for 满意, false for 不满意; the answer hint offers 1 and 2. */
    private static final Map<String, Boolean> RATINGS = Map.of("满意", true, "很满意", true, "非常满意", true, "1", true,
            "不满意", false, "不太满意", false, "很不满意", false, "非常不满意", false, "2", false);

    private final Understanding understanding;
    private final PolicySearch search;
    private final KnowledgeBase knowledgeBase;
    private final SessionStore sessions;
    private final Conversations conversations;
    private final ObjectProvider<AgentAvailability> agents;
    private final BotProperties properties;
    private final EnterpriseBinding binding;

    KnowledgeBaseDialogue(Understanding understanding, PolicySearch search, KnowledgeBase knowledgeBase,
            SessionStore sessions, Conversations conversations, ObjectProvider<AgentAvailability> agents,
            BotProperties properties, EnterpriseBinding binding) {
        this.understanding = understanding;
        this.search = search;
        this.knowledgeBase = knowledgeBase;
        this.sessions = sessions;
        this.conversations = conversations;
        this.agents = agents;
        this.properties = properties;
        this.binding = binding;
    }

    @Override
    public Reply welcome(String userId, Channel channel) {
        return new Reply(Messages.welcome(properties.name()), Intent.GREETING, null, List.of(), Reply.Handoff.NONE);
    }

    @Override
    public Reply respond(Turn turn) {
        Understood understood = understanding.understand(turn.text() == null ? "" : turn.text());
        Session session = sessions.load(turn.userId());
        Step step = decide(turn, understood, session);
        // Every channel gets the same parts: a reply over WeChat's 2,048 bytes is cut and 详情 continues it.
        LongText.Part part = LongText.cut(step.reply().text());
        Reply reply = step.reply();
        String text = part.shown();
        boolean invitesRating = step.rating() == Rating.ANSWER
                || (step.rating() == Rating.CONTINUES && step.session().answeredTurn() != null);
        // The invitation goes under the last part of an answer, and only where it still fits in one WeChat message.
        if (invitesRating && part.rest() == null
                && LongText.utf8Length(text + Messages.RATE_HINT) <= LongText.MAX_BYTES) {
            text = text + Messages.RATE_HINT;
        }
        Reply shown = new Reply(text, reply.intent(), reply.answer(), reply.candidates(), reply.handoff());
        long turnId = conversations.record(turn, understood, step.outcome(), reply.answer() == null ? null
                : reply.answer().externalId(), step.topScore());
        // A rating keeps a pending 详情: it is a word about the answer, not a new question.
        Session next = step.rating() == Rating.GIVEN ? step.session() : step.session().continuing(part.rest());
        sessions.save(turn.userId(), switch (step.rating()) {
            case ANSWER -> next.rateable(turnId);
            case CLEARS -> next.rateable(null);
            case CONTINUES, GIVEN -> next;
        });
        return shown;
    }

    private Step decide(Turn turn, Understood understood, Session session) {
        String text = TRAILING_PUNCTUATION.matcher(understood.normalized().strip()).replaceAll("");
        if (text.isEmpty()) {
            return chat(Messages.capabilities(), Intent.OUT_OF_SCOPE, session, Outcome.CHITCHAT);
        }
        Optional<Step> binding = binding(turn, text, understood.intent(), session);
        if (binding.isPresent()) {
            return binding.get();
        }
        if (!session.choices().isEmpty()) {
            Optional<Step> chosen = choose(text, session);
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        Optional<Step> rated = rating(turn, text, session);
        if (rated.isPresent()) {
            return rated.get();
        }
        Optional<Step> command = command(text, session);
        if (command.isPresent()) {
            return command.get();
        }
        // The message is searched at most once, however many decisions look at its hits.
        Hits hits = new Hits(text);
        Intent intent = effectiveIntent(understood, hits);
        return switch (intent) {
            case HUMAN_AGENT -> handoff(turn, session, Intent.HUMAN_AGENT);
            case GREETING -> chat(Messages.greeting(properties.name()), intent, session, Outcome.CHITCHAT);
            case THANKS -> chat(Messages.THANKS, intent, session, Outcome.CHITCHAT);
            case FEEDBACK -> chat(Messages.FEEDBACK, intent, session, Outcome.FEEDBACK);
            case SUBSCRIBE_PUSH -> {
                conversations.setPushOptOut(turn, false);
                yield chat(Messages.SUBSCRIBED, intent, session, Outcome.SETTING);
            }
            case UNSUBSCRIBE_PUSH -> {
                conversations.setPushOptOut(turn, true);
                yield chat(Messages.UNSUBSCRIBED, intent, session, Outcome.SETTING);
            }
            case OUT_OF_SCOPE -> chat(Messages.outOfScope(), intent, session, Outcome.OUT_OF_SCOPE);
            default -> question(turn, understood, hits, intent, session);
        };
    }

    /**
     * Chit-chat, feedback and push-setting labels do not win over a message that is really a question: one that names
     * an entry ("你好，营业执照怎么办"), or one the classifier is unsure about while the knowledge base has a strong
     * answer ("窗口态度差 在哪给差评" is a question about where to complain, not feedback). A confident out-of-scope
     * label stands.
     */
    private Intent effectiveIntent(Understood understood, Hits hits) {
        Intent intent = understood.intent();
        if (!YIELDS_TO_QUESTION.contains(intent)) {
            return intent;
        }
        boolean unsure = understood.confidence() < properties.intentConfidence();
        boolean namesEntry = understood.entities().stream().anyMatch(e -> e.type() == EntityType.ENTRY);
        boolean chitChat = intent == Intent.GREETING || intent == Intent.THANKS || intent == Intent.OUT_OF_SCOPE;
        boolean question = (chitChat && namesEntry && (intent != Intent.OUT_OF_SCOPE || unsure))
                || (unsure && strongAnswer(hits.get()));
        if (!question) {
            return intent;
        }
        return understood.ranking().stream()
                .map(IntentScore::intent)
                .filter(QUESTIONS::contains)
                .findFirst()
                .orElse(Intent.HOW_TO_APPLY);
    }

    private boolean strongAnswer(List<SearchHit> hits) {
        return !hits.isEmpty() && hits.get(0).score() >= properties.confidentScore();
    }

    private Step question(Turn turn, Understood understood, Hits found, Intent intent, Session session) {
        String text = found.text;
        boolean namesEntry = understood.entities().stream().anyMatch(e -> e.type() == EntityType.ENTRY);
        if (!namesEntry && session.currentEntry() != null && FollowUps.refersBack(text)) {
            Optional<Entry> current = knowledgeBase.visible(session.currentEntry());
            if (current.isPresent()) {
                return answer(current.get(), intent, session, List.of(), null);
            }
        }
        List<SearchHit> hits = found.get();
        List<Reply.Candidate> candidates = hits.stream()
                .map(hit -> new Reply.Candidate(hit.externalId(), hit.title(), hit.score()))
                .toList();
        if (!hits.isEmpty() && hits.get(0).score() < properties.minScore() && isTopic(text)
                && hits.get(0).score() >= properties.minScore() * TOPIC_SCORE_SHARE) {
            // A bare topic ("补贴", "社保") scores low because it is short, not because it is off topic: offer a list.
            return offer(hits, intent, text, 0, session, candidates, Messages.CLARIFY_HEADER);
        }
        if (hits.isEmpty() || hits.get(0).score() < properties.minScore()) {
            return miss(turn, text, intent, session, candidates, hits.isEmpty() ? null : (double) hits.get(0).score());
        }
        Optional<SearchHit> chosen = ServiceChoice.choose(text, hits, properties.minScore());
        SearchHit top = chosen.orElse(hits.get(0));
        boolean nearTie = chosen.isEmpty() && hits.size() > 1 && !named(understood, top)
                && hits.get(1).score() >= properties.ambiguityRatio() * top.score();
        if (nearTie) {
            Optional<SearchHit> decided = TitleCoverage.decide(text, top, hits.get(1));
            if (decided.isEmpty()) {
                return offer(hits, intent, text, 0, session, candidates, Messages.CLARIFY_HEADER);
            }
            top = decided.get();
        }
        SearchHit best = top;
        return knowledgeBase.visible(best.externalId())
                .map(entry -> answer(entry, intent, session, candidates, (double) best.score()))
                .orElseGet(() -> miss(turn, text, intent, session, candidates, (double) best.score()));
    }

    private Step answer(Entry entry, Intent intent, Session session, List<Reply.Candidate> candidates, Double score) {
        Intent answered = intent == Intent.POLICY_LOOKUP || intent == Intent.INFO_DISCLOSURE ? Intent.POLICY_LOOKUP : intent;
        String text = AnswerComposer.compose(entry, answered);
        Reply reply = new Reply(text, intent, new Reply.AnswerRef(entry.externalId(), entry.title()), candidates,
                Reply.Handoff.NONE);
        return new Step(reply, session.discussing(entry.externalId()), Outcome.ANSWERED, score);
    }

    private Step offer(List<SearchHit> hits, Intent intent, String query, int page, Session session,
            List<Reply.Candidate> candidates, String header) {
        List<SearchHit> shown = hits.stream().limit(properties.choices()).toList();
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int i = 0; i < shown.size(); i++) {
            text.append(i + 1).append(". ").append(shown.get(i).title()).append('\n');
        }
        text.append(Messages.CHOOSE_HINT);
        Reply reply = new Reply(text.toString(), intent, null, candidates, Reply.Handoff.NONE);
        Session offered = session.offering(shown.stream().map(SearchHit::externalId).toList(), intent, query, page);
        return new Step(reply, offered, Outcome.CLARIFIED, (double) hits.get(0).score());
    }

    private Optional<Step> choose(String text, Session session) {
        List<Entry> offered = session.choices().stream()
                .map(knowledgeBase::visible)
                .flatMap(Optional::stream)
                .toList();
        return Choices.pick(text, offered.stream().map(Entry::title).toList())
                .map(index -> answer(offered.get(index),
                        session.pendingIntent() == null ? Intent.HOW_TO_APPLY : session.pendingIntent(),
                        session, List.of(), null));
    }

    /**
     * 满意/不满意 (or 1/2) right after an answer is stored against that answer's turn; a second rating replaces the
     * first. Numbers never rate while a numbered list is pending, and a rating with no answer to rate is handled as
     * any other message (不满意 alone is feedback).
     */
    private Optional<Step> rating(Turn turn, String text, Session session) {
        Boolean satisfied = RATINGS.get(text);
        if (satisfied == null || session.answeredTurn() == null
                || (Character.isDigit(text.charAt(0)) && !session.choices().isEmpty())
                || !conversations.rate(turn, session.answeredTurn(), satisfied)) {
            return Optional.empty();
        }
        Reply reply = new Reply(satisfied ? Messages.RATED_SATISFIED : Messages.RATED_DISSATISFIED, Intent.FEEDBACK,
                null, List.of(), Reply.Handoff.NONE);
        return Optional.of(new Step(reply, session, Outcome.RATING, null, Rating.GIVEN));
    }

    private Optional<Step> command(String text, Session session) {
        if (text.equals("更多") && session.lastQuery() != null) {
            int page = session.page() + 1;
            List<SearchHit> hits = search.search(
                    SearchQuery.of(session.lastQuery(), properties.choices() * (page + 1)).withoutSnippets());
            List<SearchHit> next = hits.stream().skip((long) properties.choices() * page).toList();
            if (next.isEmpty()) {
                return Optional.of(chat(Messages.NO_MORE, Intent.POLICY_LOOKUP, session, Outcome.CLARIFIED));
            }
            Intent intent = session.pendingIntent() == null ? Intent.HOW_TO_APPLY : session.pendingIntent();
            return Optional.of(offer(next, intent, session.lastQuery(), page, session, List.of(), Messages.MORE_HEADER));
        }
        if (text.equals("详情") && session.rest() != null) {
            Reply.AnswerRef about = session.currentEntry() == null ? null : knowledgeBase.visible(session.currentEntry())
                    .map(entry -> new Reply.AnswerRef(entry.externalId(), entry.title())).orElse(null);
            return Optional.of(new Step(new Reply(session.rest(), Intent.POLICY_LOOKUP, about, List.of(),
                    Reply.Handoff.NONE), session, Outcome.ANSWERED, null, Rating.CONTINUES));
        }
        if (text.equals("详情") && session.currentEntry() != null) {
            return knowledgeBase.visible(session.currentEntry()).map(entry -> new Step(
                    new Reply(AnswerComposer.details(entry), Intent.POLICY_LOOKUP,
                            new Reply.AnswerRef(entry.externalId(), entry.title()), List.of(), Reply.Handoff.NONE),
                    session.discussing(entry.externalId()), Outcome.ANSWERED, null, Rating.CONTINUES));
        }
        Intent hinted = HINT_WORDS.get(text);
        if (hinted != null && session.currentEntry() != null) {
            return knowledgeBase.visible(session.currentEntry())
                    .map(entry -> answer(entry, hinted, session, List.of(), null));
        }
        return Optional.empty();
    }

    private Step miss(Turn turn, String text, Intent intent, Session session, List<Reply.Candidate> candidates,
            Double score) {
        Session missed = session.missed();
        if (missed.misses() >= properties.missesBeforeHandoff()) {
            return handoff(turn, session, intent);
        }
        Reply reply = new Reply(Messages.miss(text), intent, null, candidates, Reply.Handoff.NONE);
        return new Step(reply, missed, Outcome.MISSED, score);
    }

    private Step handoff(Turn turn, Session session, Intent intent) {
        if (turn.channel() == Channel.WECHAT && agentsOnline(turn.channel())) {
            Reply reply = new Reply(Messages.TRANSFERRING, intent, null, List.of(), Reply.Handoff.TRANSFER_TO_AGENT);
            return new Step(reply, session.handedOver(), Outcome.HANDOFF, null);
        }
        long ticket = conversations.openTicket(turn);
        Reply reply = new Reply(Messages.ticket(ticket), intent, null, List.of(), Reply.Handoff.TICKET_CREATED);
        return new Step(reply, session.handedOver(), Outcome.HANDOFF, null);
    }

    private boolean agentsOnline(Channel channel) {
        AgentAvailability availability = agents.getIfAvailable();
        try {
            return availability != null && availability.agentsOnline(channel);
        } catch (RuntimeException e) {
            // Asking WeChat failed: leave a ticket rather than transfer into nowhere.
            return false;
        }
    }

    /**
     * The binding conversation: "绑定企业" (with or without the code in the same message), then the USCC, then the SMS
     * code; "取消" leaves it. A message that is none of these leaves the binding pending and is answered as usual.
     * "我能申请哪些政策" answers from matching for a bound user and explains binding to everyone else.
     */
    private Optional<Step> binding(Turn turn, String text, Intent intent, Session session) {
        Matcher uscc = USCC_LIKE.matcher(text);
        boolean typedUscc = uscc.find();
        boolean mayContinue = typedUscc || CODE.matcher(text).matches() || CANCEL.matcher(text).matches();
        // Only a message that could continue a binding costs the Redis look-up of where the binding stands.
        EnterpriseBinding.Stage stage = mayContinue ? binding.stage(turn) : EnterpriseBinding.Stage.NONE;
        String reply = null;
        if (stage != EnterpriseBinding.Stage.NONE && CANCEL.matcher(text).matches()) {
            reply = binding.cancel(turn);
        } else if (stage == EnterpriseBinding.Stage.AWAITING_CODE && CODE.matcher(text).matches()) {
            reply = binding.submitCode(turn, text);
        } else if (typedUscc && (stage != EnterpriseBinding.Stage.NONE || intent == Intent.BIND_ENTERPRISE)) {
            reply = binding.submitUscc(turn, uscc.group());
        } else if (intent == Intent.BIND_ENTERPRISE) {
            reply = binding.start(turn);
        } else if (MY_POLICIES.matcher(text).find()) {
            return Optional.of(chat(binding.bound(turn).map(binding::policiesFor).orElse(Messages.BIND_FIRST),
                    Intent.ELIGIBILITY, session, Outcome.ANSWERED));
        }
        return Optional.ofNullable(reply).map(message -> chat(message, Intent.BIND_ENTERPRISE, session, Outcome.SETTING));
    }

    private static boolean isTopic(String text) {
        return text.codePointCount(0, text.length()) <= TOPIC_MAX_LENGTH && text.codePoints().allMatch(Character::isLetter);
    }

    private static Step chat(String text, Intent intent, Session session, Outcome outcome) {
        return new Step(new Reply(text, intent, null, List.of(), Reply.Handoff.NONE), session, outcome, null);
    }

    /** Whether the user named this hit's title, so there is nothing to ask back about. */
    private static boolean named(Understood understood, SearchHit hit) {
        return namedTexts(understood).stream().anyMatch(hit.title()::contains);
    }

    private static List<String> namedTexts(Understood understood) {
        return understood.entities().stream()
                .filter(e -> e.type() == EntityType.ENTRY && e.text().length() >= 4)
                .map(EntityMention::text)
                .toList();
    }

    /** The knowledge-base hits for one message, searched when first needed. */
    private final class Hits {

        private final String text;
        private List<SearchHit> hits;

        Hits(String text) {
            this.text = text;
        }

        /** The bot shows titles, not snippets: leaving highlighting out makes a search about three times cheaper. */
        List<SearchHit> get() {
            if (hits == null) {
                // All kinds are searched even for 有什么政策: residents' "补贴" is as often a service or an FAQ.
                hits = search.search(SearchQuery.of(text, 5).withoutSnippets());
            }
            return hits;
        }
    }

    /** What a step does to the answer a 满意/不满意 would rate. */
    private enum Rating {
        /** Nothing to rate any more. */
        CLEARS,
        /** An answer from an entry: this turn is the one to rate. */
        ANSWER,
        /** More of the answer under discussion (详情): a rating still goes to the question's turn. */
        CONTINUES,
        /** A rating: a second one replaces it on the same turn. */
        GIVEN
    }

    /** One decision: the reply, the session to keep, what to log, and what a following rating would apply to. */
    private record Step(Reply reply, Session session, Outcome outcome, Double topScore, Rating rating) {

        /** An answer from an entry invites a rating; anything else leaves nothing to rate. */
        Step(Reply reply, Session session, Outcome outcome, Double topScore) {
            this(reply, session, outcome, topScore,
                    outcome == Outcome.ANSWERED && reply.answer() != null ? Rating.ANSWER : Rating.CLEARS);
        }
    }
}
