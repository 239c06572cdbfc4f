package cn.zhice.matching.size;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class SizeClassControllerTest {

    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new SizeClassController(new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT))))
            .build();

    @Test
    void classifiesAnIndustrialEnterpriseAsSmall() throws Exception {
        mvc.perform(post("/api/matching/size-class").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"industryCode\": \"C13\", \"employees\": 120, \"revenueWan\": 3000.5, \"assetsWan\": 800}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value("SMALL"))
                .andExpect(jsonPath("$.industryGroup").value("工业"))
                .andExpect(jsonPath("$.standard").value("工信部联企业〔2011〕300号"))
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("结论：小型企业")));
    }

    @Test
    void answersMissingIndicatorWithBadRequestNamingIt() throws Exception {
        mvc.perform(post("/api/matching/size-class").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"industryCode\": \"E\", \"revenueWan\": 3000}"))
                .andExpect(status().isBadRequest())
                .andExpect(status().reason(org.hamcrest.Matchers.containsString("资产总额（assetsWan）")));
    }

    @Test
    void answersUnknownIndustryCodeWithBadRequest() throws Exception {
        mvc.perform(post("/api/matching/size-class").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"industryCode\": \"Z9\", \"employees\": 1}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void reportsFinanceAsNotCovered() throws Exception {
        mvc.perform(post("/api/matching/size-class").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"industryCode\": \"J66\", \"employees\": 10, \"revenueWan\": 10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").doesNotExist())
                .andExpect(jsonPath("$.explanation").value(org.hamcrest.Matchers.containsString("金融业不适用本规定")));
    }
}
