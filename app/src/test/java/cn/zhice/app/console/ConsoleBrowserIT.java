package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.TwilioFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff console in headless Chromium, on the demo district: sign in, create an FAQ, have another reviewer publish
 * it and find it through the chat test page; import a file with a bad row and see the row's error; create a campaign in
 * the wizard, have a reviewer approve it and watch its funnel move, with WireMock playing the SMS gateway (one number
 * failing into a dead letter). Saves a screenshot of each main page to {@code docs/screenshots/}. Skipped when chromedriver is missing, unless
 * {@code ZHICE_REQUIRE_SERVICES=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

    static final String ADMIN_PW = "browser-admin-secret";
    static final String PW = "staff-password-123";
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    static final String FACTORY = "{\"uscc\":\"91350100M000100Y43\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
            + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2019-05-10\","
            + "\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\",\"validTo\":\"2099-12-31\"}],"
            + "\"contacts\":{\"mobile\":\"13800138000\"},\"consent\":{\"sms\":true,\"email\":false,\"wechat\":false}}";

    static final String SECOND = "{\"uscc\":\"91350100M000300X7T\",\"name\":\"青禾智能装备有限公司\",\"industryCode\":\"C3411\","
            + "\"employees\":90,\"revenueWan\":2600,\"assetsWan\":700,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2018-03-01\","
            + "\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\",\"validTo\":\"2099-12-31\"}],"
            + "\"contacts\":{\"mobile\":\"13900139000\"},\"consent\":{\"sms\":true,\"email\":false,\"wechat\":false}}";

    static final TwilioFake TWILIO = new TwilioFake();
    static final WireMockServer GATEWAY = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(TWILIO));

    static {
        GATEWAY.start();
        TWILIO.stub(GATEWAY);
    }

    static WebDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, true);
        TestApplication.useH2(registry);
        String prefix = TestServices.uniquePrefix();
        registry.add("zhice.push.key-prefix", () -> prefix + "push:");
        registry.add("zhice.push.quiet-hours.enabled", () -> "false");
        registry.add("zhice.push.worker.poll-interval", () -> "100ms");
        registry.add("zhice.push.planning-interval", () -> "200ms");
        registry.add("zhice.push.retry.max-attempts", () -> "1");
        registry.add("zhice.sms.base-url", GATEWAY::baseUrl);
        registry.add("zhice.sms.account-sid", () -> TwilioFake.ACCOUNT);
        registry.add("zhice.sms.auth-token", () -> TwilioFake.TOKEN);
        registry.add("zhice.sms.from", () -> "+15005550006");
    }

    @BeforeAll
    static void browser() throws IOException {
        boolean available = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!available && "true".equals(System.getenv("ZHICE_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
        }
        assumeTrue(available, "chromium/chromedriver not installed");
        profile = Files.createTempDirectory("zhice-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1400,1000", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
        GATEWAY.stop();
    }

    @Test
    void createsACampaignInTheWizardHasAnotherReviewerApproveItAndWatchesTheFunnel() throws Exception {
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        admin.postJson("/api/admin/users", Map.of("username", "pusheditor", "password", PW, "roles", List.of("EDITOR")));
        admin.postJson("/api/admin/users", Map.of("username", "pushreviewer", "password", PW, "roles", List.of("REVIEWER")));
        Api editorApi = Api.at(port).as("pusheditor", PW);
        Api.Reply imported = editorApi.post("/api/admin/enterprises/import", "application/x-ndjson",
                (FACTORY + "\n" + SECOND + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var policy = editorApi.get("/api/matching/enterprises/91350100M000100Y43/policies").json().get(0);
        String policyId = policy.get("externalId").asString();
        TwilioFake.reject(GATEWAY, "+8613900139000", 500, 20500, "Internal Server Error");
        // The first accepted message takes a while, so the detail page is open while the campaign is still running.
        TWILIO.afterSend(n -> sleep(4000));

        login("pusheditor", PW);
        click(By.id("nav-campaigns"));
        click(By.id("new-campaign"));
        type("policy-search", policyId);
        click(By.id("policy-search-button"));
        click(By.cssSelector("a[data-policy='" + policyId + "']"));
        new Select(driver.findElement(By.id("first"))).selectByValue("SMS");
        new Select(driver.findElement(By.id("second"))).selectByValue("EMAIL");
        click(By.id("preview-campaign"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("campaign-preview")));
        assertThat(driver.findElement(By.id("preview-targeted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("preview-sample")).getText()).contains("青禾精密制造有限公司").contains("138******00")
                .doesNotContain("13800138000");
        assertThat(driver.findElement(By.id("preview-messages")).getText()).contains("拒收请回复R");
        shot("campaign-wizard-preview");
        click(By.id("submit-campaign"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("campaign-status")));
        assertThat(driver.findElement(By.id("campaign-status")).getText()).isEqualTo("待审批");
        assertThat(driver.findElement(By.id("campaign-channels")).getText()).isEqualTo("短信 → 邮件");
        String detail = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/admin/"));
        String id = detail.substring(detail.lastIndexOf('/') + 1);
        logout();

        login("pushreviewer", PW);
        go("/admin/campaigns/approvals");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-" + id), "138******00"));
        assertThat(driver.findElement(By.id("approval-" + id)).getText()).contains("pusheditor")
                .doesNotContain("这是您创建的任务");
        shot("campaign-approvals");
        go(detail);
        click(By.id("approve"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("campaign-status")));
        String whenApproved = driver.findElement(By.id("campaign-status")).getText();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBe(By.id("campaign-status"), "已完成"));
        assertThat(whenApproved).isIn("已批准", "推送中");
        assertThat(driver.findElement(By.id("campaign-approver")).getText()).startsWith("pushreviewer");
        assertThat(driver.findElement(By.id("funnel-targeted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("funnel-sent")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("funnel-dead")).getText()).isEqualTo("1");

        Matcher link = Pattern.compile("/p/(\\w+)").matcher(TWILIO.sent().get(0).body());
        assertThat(link.find()).isTrue();
        go("/p/" + link.group(1));
        click(By.cssSelector("form[action$='/feedback'] button"));
        go(detail);
        assertThat(driver.findElement(By.id("funnel-clicked")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("funnel-votes")).getText()).isEqualTo("1 / 0");
        shot("campaign-detail");

        go("/admin/campaigns/dead-letters");
        List<WebElement> letters = driver.findElements(By.cssSelector("tr.dead-letter"));
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getText()).contains("91350100M000300X7T").contains("短信").contains("重试耗尽")
                .contains("第1次尝试后放弃");
        shot("campaign-dead-letters");
        click(By.cssSelector("tr.dead-letter button.retry"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("已放回发送队列");
        go("/admin/campaigns");
        shot("campaigns");
        go("/admin/dashboard");
        assertThat(driver.findElement(By.id("channel-funnel")).getText()).contains("短信 0 1");
        assertThat(driver.findElement(By.id("kpi-useful")).getText()).isEqualTo("100.0%");
        logout();
        TWILIO.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void curatesAnEntryFromDraftToChatAnswerAndReportsBadImportRows() throws Exception {
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        admin.postJson("/api/admin/users", Map.of("username", "editor1", "password", PW, "roles", List.of("EDITOR")));
        admin.postJson("/api/admin/users", Map.of("username", "reviewer1", "password", PW, "roles", List.of("REVIEWER")));
        Api.at(port).postJson("/api/chat", Map.of("userId", "resident-1", "text", "宠物狗办证去哪里"));
        Api.at(port).postJson("/api/chat", Map.of("userId", "resident-2", "text", "宠物狗办证在哪里办"));
        Api.at(port).postJson("/api/chat", Map.of("userId", "resident-3", "text", "转人工"));

        login("editor1", PW);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("数据看板");
        go("/admin/kb/new?kind=FAQ");
        type("externalId", "QH-FAQ-901");
        type("title", "犬只登记证怎么办理");
        type("questions", "养狗要办证吗\n犬证在哪里办");
        type("answer", "携带犬只免疫证明和身份证到青禾区公安分局犬类管理窗口办理犬只登记证，当场发证。");
        click(By.id("preview-button"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("preview-text")));
        assertThat(driver.findElement(By.id("preview-text")).getText()).contains("犬只登记证");
        click(By.id("save"));
        assertThat(driver.findElement(By.id("entry-status")).getText()).isEqualTo("草稿");
        click(By.id("submit-review"));
        assertThat(driver.findElement(By.id("entry-status")).getText()).isEqualTo("待审核");
        logout();

        login("reviewer1", PW);
        go("/admin/kb/entries/QH-FAQ-901");
        type("preview-question", "犬证要带什么材料");
        click(By.id("preview-button"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("preview-text")));
        shot("kb-entry");
        click(By.id("publish"));
        assertThat(driver.findElement(By.id("entry-status")).getText()).isEqualTo("已发布");

        go("/admin/chat");
        WebElement input = driver.findElement(By.id("chat-text"));
        input.sendKeys("犬只登记证怎么办理");
        click(By.id("chat-send"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-answer"), "QH-FAQ-901"));
        assertThat(driver.findElement(By.cssSelector(".bot-reply")).getText()).contains("犬类管理窗口");
        shot("chat-test");

        Path bad = Files.createTempFile("bad-import", ".jsonl");
        Files.writeString(bad, """
                {"externalId":"QH-FAQ-902","kind":"FAQ","title":"好的一行","category":"其他","answer":"答案"}
                {"externalId":"QH-FAQ-903","kind":"FAQ","titel":"拼错字段","category":"其他","answer":"答案"}
                """, StandardCharsets.UTF_8);
        go("/admin/kb/import");
        driver.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        click(By.id("upload"));
        List<WebElement> errors = driver.findElements(By.cssSelector("tr.import-error"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getText()).startsWith("2").contains("titel");
        shot("kb-import-errors");

        go("/admin/kb");
        shot("kb-list");
        go("/admin/unanswered");
        assertThat(driver.findElements(By.cssSelector("tr.cluster"))).isNotEmpty();
        shot("unanswered");
        go("/admin/tickets");
        shot("tickets");
        Path enterprises = Files.createTempFile("enterprises", ".jsonl");
        Files.writeString(enterprises, FACTORY + "\n{\"uscc\":\"91350100M000100Y44\",\"name\":\"校验码错\"}\n",
                StandardCharsets.UTF_8);
        go("/admin/enterprises");
        driver.findElement(By.id("enterprise-file")).sendKeys(enterprises.toAbsolutePath().toString());
        click(By.id("enterprise-upload"));
        assertThat(driver.findElement(By.id("enterprise-import-errors")).getText()).contains("2").contains("uscc");
        Files.writeString(enterprises, FACTORY + "\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("enterprise-file")).sendKeys(enterprises.toAbsolutePath().toString());
        click(By.id("enterprise-upload"));
        assertThat(driver.findElement(By.id("enterprises")).getText()).contains("青禾精密制造有限公司");
        shot("enterprises");
        go("/admin/enterprises/91350100M000100Y43");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("企业规模").contains("高新技术企业").contains("规上工业");
        shot("enterprise-profile");
        go("/admin/dashboard");
        wait(d -> !d.findElements(By.cssSelector("#chart-days canvas")).isEmpty());
        Thread.sleep(800);
        shot("dashboard");
        logout();

        login("admin", ADMIN_PW);
        go("/admin/users");
        shot("users");
        go("/admin/audit");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("发布 QH-FAQ-901").contains("reviewer1");
        shot("audit-log");
    }

    private void login(String user, String password) {
        go("/login");
        type("username", user);
        type("password", password);
        click(By.id("login"));
        wait(ExpectedConditions.urlContains("/admin/"));
    }

    private void logout() {
        click(By.cssSelector("form[action$='/logout'] button"));
        wait(ExpectedConditions.urlContains("/login"));
    }

    /** Clicks an element after scrolling it into the middle of the window. */
    private static void click(By locator) {
        WebElement element = driver.findElement(locator);
        // A native click can land on the sticky form footer in a small headless window; the DOM click is the same
        // event for the page's handlers.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void go(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    private static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static <T> void wait(java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    private static void shot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
        Path png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
