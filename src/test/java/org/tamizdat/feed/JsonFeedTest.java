package org.tamizdat.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.TestApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.1 against a JSON Schema written from the spec, and its contents. */
class JsonFeedTest {
  @TempDir static Path dir;
  static TestApp site;
  static Schema schema;

  @BeforeAll
  static void start() throws Exception {
    site = TestApp.start(dir, Map.of());
    try (InputStream in =
        JsonFeedTest.class.getResourceAsStream("/feed/jsonfeed-1.1.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static List<Error> validate(String json) {
    return schema.validate(
        json,
        InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
  }

  @Test
  void everyJsonFeedMatchesTheSchema() {
    for (String path :
        List.of("/en/feed.json", "/ru/feed.json", "/en/section/investigations/feed.json")) {
      HttpResponse<String> response = site.get(path);
      assertEquals(200, response.statusCode(), path);
      assertEquals(
          "application/feed+json; charset=utf-8",
          response.headers().firstValue("Content-Type").orElseThrow());
      List<Error> errors = validate(response.body());
      assertTrue(errors.isEmpty(), path + ": " + errors);
    }
  }

  @Test
  void theSchemaCatchesWhatTheSpecForbids() {
    assertEquals(
        1, validate("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}").size());
    assertTrue(
        !validate(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\"}]}")
            .isEmpty(),
        "an item needs content_html or content_text");
    assertTrue(
        !validate(
                "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"t\",\"items\":[],\"_ext\":1}")
            .isEmpty(),
        "version 1.1");
  }

  @Test
  void itemsCarryEverythingAReaderShows() {
    JsonNode feed = JsonMapper.builder().build().readTree(site.get("/en/feed.json").body());
    assertEquals(site.baseUrl() + "/en/feed.json", feed.get("feed_url").asString());
    assertEquals(site.baseUrl() + "/en/", feed.get("home_page_url").asString());
    assertEquals("en", feed.get("language").asString());
    JsonNode item = null;
    for (JsonNode candidate : feed.get("items")) {
      if (candidate.get("url").asString().endsWith(DemoPaths.EN_ARTICLE)) {
        item = candidate;
      }
    }
    assertTrue(item != null, "the demo's investigation is in the feed");
    assertEquals(site.baseUrl() + DemoPaths.EN_ARTICLE, item.get("id").asString());
    assertEquals("2026-11-18T09:00:00Z", item.get("date_published").asString());
    assertEquals("2026-11-19T10:15:00Z", item.get("date_modified").asString());
    assertEquals("Zoya Kremneva", item.get("authors").get(0).get("name").asString());
    assertTrue(item.get("content_html").asString().contains("figure class=\"testimony\""));
    assertTrue(item.get("image").asString().startsWith(site.baseUrl() + "/media/demo-"));
    assertEquals("image/svg+xml", item.get("attachments").get(0).get("mime_type").asString());
    assertTrue(item.get("tags").toString().contains("Environment"));
  }
}
