package cn.zhice.bot.wechat;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.HierarchicalStreamDriver;
import com.thoughtworks.xstream.io.xml.MXParserDriver;
import java.io.StringReader;
import java.util.stream.IntStream;
import me.chanjar.weixin.common.util.xml.XStreamInitializer;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Binds a callback's XML to WxJava's {@link WxMpXmlMessage} with WxJava's own XStream mapping (its settings,
 * annotations and the {@code MsgID} alias, as {@code XStreamTransformer} registers them), without the locks every
 * callback shared in WxJava's setup. Its driver gets each parser from a static synchronized factory lookup; here each
 * message gets a parser of its own. One mapping's string converters and class cache are synchronized maps; here
 * threads share one of several mappings. Under load on two cores a thread descheduled inside such a lock held up
 * every other callback for milliseconds (JFR: about one callback in 200 blocked 3 ms or more).
 */
final class InboundXml {

    private static final HierarchicalStreamDriver DRIVER = new MXParserDriver();
    private static final XStream[] MAPPINGS = IntStream.range(0, 8).mapToObj(i -> mapping()).toArray(XStream[]::new);

    private InboundXml() {}

    static WxMpXmlMessage parse(String xml) {
        XStream mapping = MAPPINGS[(int) (Thread.currentThread().getId() % MAPPINGS.length)];
        return (WxMpXmlMessage) mapping.unmarshal(DRIVER.createReader(new StringReader(xml)));
    }

    private static XStream mapping() {
        XStream xstream = XStreamInitializer.getInstance();
        xstream.processAnnotations(WxMpXmlMessage.class);
        xstream.processAnnotations(WxMpXmlMessage.class.getClasses());
        xstream.aliasField("MsgID", WxMpXmlMessage.class, "msgId");
        return xstream;
    }
}
