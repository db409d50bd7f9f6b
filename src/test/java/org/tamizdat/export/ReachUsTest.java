package org.tamizdat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.TestApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mirrors and the onion service, as readers and apps find them on the live site. */
class ReachUsTest {
  static final String ONION =
      "http://"
          + "tamizdatexampleonionaddressforthetestsuiteonly234567".substring(0, 52)
          + "abcd.onion";
  static final List<String> MIRRORS =
      List.of("https://mirror-one.example", "https://mirror-two.example:8443");

  @TempDir static Path dir;
  static TestApp site;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir, Map.of("MIRRORS", String.join(",", MIRRORS), "ONION_URL", ONION));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void reachUsPageListsEveryAddressAsTextInBothEditions() {
    Document en = Jsoup.parse(site.get("/en/reach-us").body());
    assertEquals("How to reach us", en.selectFirst("h1").text());
    List<String> addresses = en.select(".addresses code").eachText();
    assertEquals(
        List.of(site.baseUrl(), MIRRORS.get(0), MIRRORS.get(1), ONION), addresses, "in that order");
    assertTrue(en.select("main a[href^=http]").isEmpty(), "addresses are text, not links away");
    assertEquals(4, en.select("main a[type^=application/]").size(), "three feeds and the list");
    assertEquals("/mirrors.json", en.selectFirst("main a[href=/mirrors.json]").attr("href"));
    assertEquals("/ru/reach-us", en.selectFirst("a.lang-switch").attr("href"));
    Document ru = Jsoup.parse(site.get("/ru/reach-us").body());
    assertEquals("Как нас найти", ru.selectFirst("h1").text());
    Document home = Jsoup.parse(site.get("/ru/").body());
    assertEquals("/ru/reach-us", home.selectFirst("footer a[href$=reach-us]").attr("href"));
  }

  @Test
  void mirrorListIsJsonForApps() {
    HttpResponse<String> response = site.get("/mirrors.json");
    assertEquals(
        "application/json; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode list = JsonMapper.builder().build().readTree(response.body());
    assertEquals(1, list.get("version").asInt());
    assertEquals(site.baseUrl(), list.get("primary").asString());
    assertEquals(MIRRORS, list.get("mirrors").valueStream().map(JsonNode::asString).toList());
    assertEquals(ONION, list.get("onion").asString());
  }

  @Test
  void clearnetResponsesPointTorBrowserToTheSamePageOnTheOnionService() {
    for (String path :
        List.of("/en/", DemoPaths.EN_ARTICLE, "/en/feed.atom", "/nope", "/en/page/2")) {
      HttpResponse<String> response = site.get(path);
      assertEquals(
          ONION + path,
          response
              .headers()
              .firstValue("Onion-Location")
              .orElseThrow(() -> new AssertionError(path)));
    }
    assertEquals(
        ONION + "/en/?page=2",
        site.get("/en/?page=2").headers().firstValue("Onion-Location").orElseThrow());
    Document article = Jsoup.parse(site.get(DemoPaths.EN_ARTICLE).body());
    assertEquals(
        ONION + DemoPaths.EN_ARTICLE,
        article.selectFirst("meta[http-equiv=onion-location]").attr("content"));
  }
}
