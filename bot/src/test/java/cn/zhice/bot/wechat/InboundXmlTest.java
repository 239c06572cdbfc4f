package cn.zhice.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

class InboundXmlTest {

    @Test
    void bindsATextMessageLikeWxJava() {
        String xml = """
                <xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[oUser1]]></FromUserName>
                <CreateTime>1764900000</CreateTime><MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[营业执照怎么申请？<b>&amp;</b>]]></Content><MsgId>24681357901</MsgId></xml>""";

        WxMpXmlMessage message = InboundXml.parse(xml);

        assertThat(message.getToUser()).isEqualTo("gh_123");
        assertThat(message.getFromUser()).isEqualTo("oUser1");
        assertThat(message.getCreateTime()).isEqualTo(1764900000L);
        assertThat(message.getMsgType()).isEqualTo("text");
        assertThat(message.getContent()).isEqualTo("营业执照怎么申请？<b>&amp;</b>");
        assertThat(message.getMsgId()).isEqualTo(24681357901L);
    }

    @Test
    void bindsVoiceRecognitionAndMenuEventsAndTheTemplateJobsMsgIdSpelling() {
        WxMpXmlMessage voice = InboundXml.parse("""
                <xml><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>voice</MsgType>
                <Recognition><![CDATA[要带什么材料]]></Recognition><MsgId>7</MsgId></xml>""");
        WxMpXmlMessage click = InboundXml.parse("""
                <xml><FromUserName>o1</FromUserName><CreateTime>2</CreateTime><MsgType>event</MsgType>
                <Event>CLICK</Event><EventKey><![CDATA[MENU_POLICIES]]></EventKey></xml>""");
        WxMpXmlMessage report = InboundXml.parse("""
                <xml><FromUserName>o1</FromUserName><CreateTime>3</CreateTime><MsgType>event</MsgType>
                <Event>TEMPLATESENDJOBFINISH</Event><MsgID>200163836</MsgID><Status>success</Status></xml>""");

        assertThat(voice.getRecognition()).isEqualTo("要带什么材料");
        assertThat(voice.getMsgId()).isEqualTo(7L);
        assertThat(click.getEvent()).isEqualTo("CLICK");
        assertThat(click.getEventKey()).isEqualTo("MENU_POLICIES");
        assertThat(report.getMsgId()).isEqualTo(200163836L);
        assertThat(report.getStatus()).isEqualTo("success");
    }

    @Test
    void bindsMessagesFromManyThreadsAtOnceEachToItsOwnValues() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> parses = IntStream.range(0, 2_000).<Callable<String>>mapToObj(i -> () -> InboundXml.parse(
                    "<xml><FromUserName>o" + i + "</FromUserName><CreateTime>" + i + "</CreateTime>"
                            + "<MsgType>text</MsgType><Content>问题" + i + "</Content></xml>").getContent()).toList();
            List<Future<String>> results = threads.invokeAll(parses);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("问题" + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
