package cn.zhice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.curation.EntryValidator;
import org.junit.jupiter.api.Test;

class GdServiceItemsTest {

    /** A provincial licence with materials as a list (trimmed from the dataset's first line). */
    private static final String LICENCE = """
            {"_id":{"$oid":"60ae6f95e995f7e541f057f3"},"TASK_CODE":"11440000006940116U2440102002003",\
            "TASK_TYPE_TEXT":"行政许可","TASK_STATE":null,"DEPT_NAME":"广东省教育厅","AREA_CODE_TEXT":"广东省",\
            "TASK_NAME":"中小学地方课程教材初审","subTaskName":null,\
            "parentCatalogName":"中小学地方课程教材初审、审定、复查",\
            "URL":"http://bsxt.gdbs.gov.cn/UnifiedReporting/bid/caption?approveSeq=5587&gdbsTokenId=",\
            "handle_location":"办理地点：广州市越秀区农林下路72号广东省教育厅政务服务大厅1-3号窗口",\
            "handle_time":"70(工作日)","handle_time_limit":"18(工作日)",\
            "accept_standard":"申请人符合规定的全部申请条件方可申请教材初审。","consult_phone":"020-37628755",\
            "bear_paltform":"广东省统一申办受理平台","district":"省级","theme_category":["教育科研"],\
            "service_object_name":["自然人","企业法人","事业法人"],\
            "material_intro":["广东省中小学地方课程教材审查登记表","教材清样（完整版、盲评版）"]}""";

    /** An online-only public service: "无" placeholders, no URL, theme 其他, catalog name equal to the item name. */
    private static final String ONLINE_ONLY = """
            {"TASK_CODE":"11440000MB2C92147K4440121004000","TASK_TYPE_TEXT":"公共服务","DEPT_NAME":"广东省财政厅",\
            "AREA_CODE_TEXT":"广东省","TASK_NAME":"会计人员信息采集","parentCatalogName":"会计人员信息采集",\
            "URL":null,"handle_location":"无线下办理窗口","handle_time":"无","handle_time_limit":"无",\
            "accept_standard":"无","consult_phone":"无","bear_paltform":"无","theme_category":["其他"],\
            "service_object_name":["自然人"],"material_intro":"无"}""";

    @Test
    void mapsAProvincialLicenceToAServiceGuide() {
        Entry entry = GdServiceItems.toEntry(LICENCE);

        assertThat(entry.externalId()).isEqualTo("11440000006940116U2440102002003");
        assertThat(entry.kind()).isEqualTo(EntryKind.SERVICE_GUIDE);
        assertThat(entry.title()).isEqualTo("中小学地方课程教材初审");
        assertThat(entry.department()).isEqualTo("广东省教育厅");
        assertThat(entry.summary()).isEqualTo("广东省教育厅办理的行政许可事项");
        assertThat(entry.body()).isEqualTo("申请人符合规定的全部申请条件方可申请教材初审。");
        assertThat(entry.category()).isEqualTo("其他");
        assertThat(entry.region()).isEqualTo("广东省");
        assertThat(entry.where().offices()).containsExactly(new Entry.Office(
                "广东省教育厅", "广州市越秀区农林下路72号广东省教育厅政务服务大厅1-3号窗口", null, "020-37628755"));
        assertThat(entry.where().onlineUrl()).startsWith("http://bsxt.gdbs.gov.cn/");
        assertThat(entry.where().platform()).isEqualTo("广东省统一申办受理平台");
        assertThat(entry.how().materials()).containsExactly("广东省中小学地方课程教材审查登记表", "教材清样（完整版、盲评版）");
        assertThat(entry.how().conditions()).isEqualTo(entry.body());
        assertThat(entry.how().timeLimit()).isEqualTo("18个工作日");
        assertThat(entry.how().fee()).isEqualTo("不收费");
        assertThat(entry.audiences()).containsExactly("自然人", "企业法人", "事业单位法人");
        assertThat(entry.keywords()).containsExactly("教育科研", "中小学地方课程教材初审、审定、复查");
        assertThat(new EntryValidator().problems(entry)).isEmpty();
    }

    @Test
    void leavesOutPlaceholdersOfAnOnlineOnlyItem() {
        Entry entry = GdServiceItems.toEntry(ONLINE_ONLY);

        assertThat(entry.body()).isNull();
        assertThat(entry.where().offices()).containsExactly(new Entry.Office("广东省财政厅", null, null, null));
        assertThat(entry.where().onlineUrl()).isNull();
        assertThat(entry.where().platform()).isNull();
        assertThat(entry.how().materials()).isEmpty();
        assertThat(entry.how().conditions()).isNull();
        assertThat(entry.how().timeLimit()).isNull();
        assertThat(entry.keywords()).isEmpty();
        assertThat(new EntryValidator().problems(entry)).isEmpty();
    }

    @Test
    void readsStringsWhereListsAreExpectedAndListsWhereStringsAre() {
        Entry entry = GdServiceItems.toEntry("""
                {"TASK_CODE":"X1","TASK_NAME":"某事项","DEPT_NAME":["广州市公安局"," "],"TASK_TYPE_TEXT":null,\
                "handle_time_limit":"90(自然日)","material_intro":"身份证","service_object_name":"企业法人",\
                "theme_category":null,"handle_location":"办理地点：无"}""");

        assertThat(entry.department()).isEqualTo("广州市公安局");
        assertThat(entry.summary()).isEqualTo("广州市公安局办理的事项");
        assertThat(entry.how().timeLimit()).isEqualTo("90个自然日");
        assertThat(entry.how().materials()).containsExactly("身份证");
        assertThat(entry.audiences()).containsExactly("企业法人");
        assertThat(entry.where().offices().get(0).address()).isNull();
        assertThat(entry.region()).isNull();
    }

    @Test
    void rejectsAnItemWithoutCode() {
        assertThatThrownBy(() -> GdServiceItems.toEntry("{\"TASK_NAME\":\"某事项\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASK_CODE");
    }
}
