package org.tamizdat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  final Route home = r -> Response.text(200, "home");
  final Route article = r -> Response.text(200, "article");
  final Route edition = r -> Response.text(200, "edition");
  final Router router =
      new Router()
          .get("/", home)
          .get("/{lang}/", edition)
          .get("/{lang}/{y}/{m}/{d}/{slug}", article)
          .post("/{lang}/subscribe", home);

  @Test
  void capturesSegments() {
    Router.Match match = router.match("GET", "/en/2026/11/25/a-slug").orElseThrow();
    assertEquals(article, match.route());
    assertEquals(
        Map.of("lang", "en", "y", "2026", "m", "11", "d", "25", "slug", "a-slug"), match.params());
  }

  @Test
  void trailingSlashMatters() {
    assertEquals(edition, router.match("GET", "/ru/").orElseThrow().route());
    assertTrue(router.match("GET", "/ru").isEmpty());
    assertTrue(router.match("GET", "/en/2026/11/25/a-slug/").isEmpty());
    assertEquals(home, router.match("GET", "/").orElseThrow().route());
  }

  @Test
  void headIsAnsweredLikeGetAndOtherMethodsAreKnown() {
    assertEquals(edition, router.match("HEAD", "/en/").orElseThrow().route());
    assertTrue(router.match("POST", "/en/").isEmpty());
    assertEquals(Set.of("GET", "HEAD"), router.allowedMethods("/en/"));
    assertEquals(Set.of("POST"), router.allowedMethods("/ru/subscribe"));
    assertTrue(router.allowedMethods("/en/x/y").isEmpty());
    assertEquals(home, router.match("POST", "/ru/subscribe").orElseThrow().route());
  }

  @Test
  void emptySegmentsDoNotCapture() {
    assertTrue(router.match("GET", "/en/2026//25/a-slug").isEmpty());
  }
}
