package ai.jorge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.Browser;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every dashboard page and the public chat page in a real headless Chromium against the running
 * App (H2): login, Overview numbers against the database, the live feed, a conversation, human
 * takeover, and a full seller qualification through the chat widget. Screenshots of each page
 * go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final List<String> HOT_SELLER =
      List.of(
          "Hi, I'm thinking about selling my house",
          "We're relocating to Austin for my husband's job",
          "Yes, 30-45 days would actually be perfect",
          "It's move-in ready, we just redid the kitchen",
          "We'd want around $725k");
  private static TestApp app;
  private static Browser browser;
  private static ChromeDriver driver;
  private static String hotLead;

  @BeforeAll
  static void start() {
    app = TestApp.start(Backend.H2);
    browser = new Browser();
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
  }

  /** Clicks the element found by {@code by}, finding it again if a re-render replaced it. */
  private static void click(By by) {
    waiting(Duration.ofSeconds(5))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  private static WebDriverWait waiting(Duration d) {
    return new WebDriverWait(driver, d);
  }

  private static void open(String path) {
    driver.get(app.url(path));
  }

  private static void awaitLive() {
    waiting(Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "connected"));
  }

  private static String chat(String session, String text, String name) {
    var body = JSON.createObjectNode().put("session_id", session).put("text", text);
    if (name != null) {
      body.put("name", name);
    }
    var r = app.post("/api/v1/chat/messages", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("contact_id").asText();
  }

  private static long sql(String query, Object... binds) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h -> {
              var q = h.createQuery(query);
              for (int i = 0; i < binds.length; i++) {
                q.bind(i, binds[i]);
              }
              return q.mapTo(Long.class).one();
            });
  }

  @Test
  @Order(1)
  void logging_in_with_the_first_admin_opens_the_overview() {
    open("/");
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login.html"));
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.screenshot("login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys("wrong-password!");
    driver.findElement(By.id("submit")).click();
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(driver.findElement(By.id("error")).getText()).containsIgnoringCase("wrong");

    driver.findElement(By.id("password")).clear();
    driver.findElement(By.id("password")).sendKeys(TestApp.ADMIN_PASSWORD);
    driver.findElement(By.id("submit")).click();
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "admin"));
    assertThat(driver.getCurrentUrl()).isEqualTo(app.url("/"));
    assertThat(driver.manage().getCookieNamed("jorge_session").isHttpOnly()).isTrue();
  }

  @Test
  @Order(2)
  void the_overview_numbers_match_the_database_after_a_scripted_conversation() {
    String session = "browser-hot";
    for (String line : HOT_SELLER) {
      hotLead = chat(session, line, "Hannah Hotchkiss");
    }
    chat(session, "The first one works", null);
    chat("browser-buyer", "Looking to buy a 3 bed 2 bath in Rancho Cucamonga, budget 800k", "Bob Buyer");
    chat("browser-stop", "I might sell my house next year", "Stella Stop");
    chat("browser-stop", "STOP", null);

    open("/");
    awaitLive();
    waiting(Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.cssSelector("[data-metric=new_leads_today]")).getText().equals("–"));
    ZoneId zone = app.app().config().timezone();
    var midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
    Map<String, Long> expected =
        Map.of(
            "new_leads_today", sql("SELECT COUNT(*) FROM contacts WHERE created_at >= ?", midnight),
            "active_conversations", sql("SELECT COUNT(*) FROM conversations WHERE opted_out = FALSE AND last_inbound_at IS NOT NULL"),
            "hot_leads", sql("SELECT COUNT(*) FROM conversations WHERE temperature = 'HOT' AND opted_out = FALSE"),
            "appointments_booked", sql("SELECT COUNT(*) FROM appointments WHERE status = 'booked'"));
    assertThat(expected).containsEntry("new_leads_today", 3L).containsEntry("active_conversations", 2L)
        .containsEntry("hot_leads", 1L).containsEntry("appointments_booked", 1L);
    expected.forEach(
        (metric, value) ->
            assertThat(driver.findElement(By.cssSelector("[data-metric=" + metric + "]")).getText())
                .as(metric)
                .isEqualTo(Long.toString(value)));
    assertThat(driver.findElement(By.cssSelector("[data-metric=qualification_rate]")).getText()).isEqualTo("33%");
    assertThat(driver.findElements(By.cssSelector("canvas#funnel, canvas#temperature"))).hasSize(2);
    browser.screenshot("overview");
  }

  @Test
  @Order(3)
  void a_chat_message_from_another_client_appears_in_the_live_feed_within_a_second() {
    open("/");
    awaitLive();
    String text = "Feed check " + System.nanoTime() + ", we want to sell soon";
    long sent = System.nanoTime();
    chat("browser-feed", text, "Fiona Feed");
    waiting(Duration.ofSeconds(5))
        .pollingEvery(Duration.ofMillis(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), text));
    Duration took = Duration.ofNanos(System.nanoTime() - sent);
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    browser.screenshot("overview-live");
  }

  @Test
  @Order(4)
  void the_conversation_page_shows_the_transcript_and_the_answers() {
    open("/conversation.html?id=" + hotLead);
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-answer=price]")));
    long messages = sql("SELECT COUNT(*) FROM messages WHERE contact_id = '" + hotLead + "'");
    assertThat(driver.findElements(By.cssSelector("#transcript .bubble"))).hasSize((int) messages);
    assertThat(driver.findElements(By.cssSelector("#transcript .bubble.lead")).get(0).getText())
        .contains("thinking about selling");
    // Each read finds its element afresh (a live event may re-render the page between reads).
    var within = waiting(Duration.ofSeconds(5));
    within.until(ExpectedConditions.textToBe(By.cssSelector("[data-side=seller] [data-answer=motivation]"), "relocation"));
    within.until(ExpectedConditions.textToBe(By.cssSelector("[data-side=seller] [data-answer=price]"), "$725,000"));
    within.until(ExpectedConditions.textToBe(By.id("temperature"), "HOT"));
    within.until(ExpectedConditions.textToBe(By.id("name"), "Hannah Hotchkiss"));
    within.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoffs"), "concierge → seller"));
    browser.screenshot("conversation");
  }

  @Test
  @Order(5)
  void taking_over_from_the_conversation_page_silences_the_bot() {
    open("/conversation.html?id=" + hotLead);
    awaitLive();
    // Live events re-render the page, so elements are found afresh for every read and click.
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("hold"), "Take over"));
    click(By.id("hold"));
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("hold"), "data-hold", "true"));
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.cssSelector("#bot [data-bot]"), "human"));
    assertThat(sql("SELECT COUNT(*) FROM conversations WHERE human_hold = TRUE AND contact_id = '" + hotLead + "'")).isEqualTo(1);

    long outboundBefore = sql("SELECT COUNT(*) FROM messages WHERE direction = 'outbound' AND contact_id = '" + hotLead + "'");
    var r = app.post(
        "/api/v1/chat/messages",
        JSON.createObjectNode().put("session_id", "browser-hot").put("text", "Are you still there? Can we talk price?").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("replies")).isEmpty();
    assertThat(sql("SELECT COUNT(*) FROM messages WHERE direction = 'outbound' AND contact_id = '" + hotLead + "'"))
        .isEqualTo(outboundBefore);
    waiting(Duration.ofSeconds(5))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Can we talk price?"));
    browser.screenshot("conversation-takeover");

    click(By.id("hold"));
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("hold"), "data-hold", "false"));
    assertThat(sql("SELECT COUNT(*) FROM conversations WHERE human_hold = FALSE AND contact_id = '" + hotLead + "'")).isEqualTo(1);
  }

  @Test
  @Order(6)
  void the_chat_page_qualifies_a_seller_to_hot() {
    open("/chat");
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
    for (String line : HOT_SELLER) {
      int bots = driver.findElements(By.cssSelector("#messages .bubble.bot")).size();
      driver.findElement(By.id("text")).sendKeys(line);
      driver.findElement(By.id("send")).click();
      waiting(Duration.ofSeconds(10))
          .until(d -> d.findElements(By.cssSelector("#messages .bubble.bot")).size() > bots);
    }
    WebElement messages = driver.findElement(By.id("messages"));
    assertThat(messages.getDomAttribute("data-temperature")).isEqualTo("HOT");
    List<WebElement> bots = driver.findElements(By.cssSelector("#messages .bubble.bot"));
    assertThat(bots.get(bots.size() - 1).getText()).containsIgnoringCase("which works better");
    String contact = messages.getDomAttribute("data-contact");
    var view = app.get("/api/v1/contacts/" + contact, TestApp.admin()).json();
    assertThat(view.get("temperature").asText()).isEqualTo("HOT");
    assertThat(view.get("channel").asText()).isEqualTo("web_chat");
    assertThat(view.at("/qualification/seller/answers/price").asLong()).isEqualTo(725_000);
    assertThat(view.get("transcript")).hasSize(10);
    browser.screenshot("chat");
  }

  @Test
  @Order(7)
  void the_leads_model_and_system_pages_render_from_the_database() {
    open("/leads.html");
    awaitLive();
    long total = sql("SELECT COUNT(*) FROM contacts");
    waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#leads tbody tr[data-id]")).size() == total);
    assertThat(driver.findElement(By.id("pageinfo")).getText()).contains(total + " leads");
    browser.screenshot("leads");
    new Select(driver.findElement(By.name("temperature"))).selectByVisibleText("HOT");
    long hot = sql("SELECT COUNT(*) FROM conversations WHERE temperature = 'HOT'");
    assertThat(hot).isEqualTo(2);
    waiting(Duration.ofSeconds(5))
        .until(d -> d.findElements(By.cssSelector("#leads tbody tr[data-id]")).size() == hot);
    assertThat(driver.findElements(By.cssSelector("#leads tbody .badge.HOT"))).hasSize((int) hot);

    open("/model.html");
    waiting(Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-unavailable], [data-version]")).isEmpty());
    browser.screenshot("model");

    open("/system.html");
    waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-health]")));
    waiting(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("instance"), app.app().config().instanceId()));
    assertThat(driver.findElement(By.cssSelector("[data-health]")).getText()).isNotBlank();
    browser.screenshot("system");
  }
}
