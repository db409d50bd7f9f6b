package org.tamizdat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.cluster.Nodes.article;
import static org.tamizdat.cluster.Nodes.await;
import static org.tamizdat.cluster.Nodes.body;
import static org.tamizdat.cluster.Nodes.count;
import static org.tamizdat.cluster.Nodes.path;
import static org.tamizdat.cluster.Nodes.search;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.Actor;
import org.tamizdat.admin.editorial.Editorial;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * Two app nodes in one JVM on one PostgreSQL schema, each with its own data dir, search index and
 * page cache, as two processes behind a load balancer would be. Writes go through node A's writer
 * without any in-process call to B: only the shared change log can carry them.
 */
@Tag("postgres")
class TwoNodesTest {
  static final long PROPAGATION_LIMIT_MILLIS = 2_000;
  static final Actor EDITOR = new Actor(null, "Cluster test");

  @TempDir Path dir;

  @Test
  void aPublishAndAnEditOnOneNodeReachPagesFeedsAndSearchOnTheOtherWithinTwoSeconds() {
    // As the README sets nodes up: one shared data dir (media, keys), a search index per node.
    try (TestDatabase db = TestDatabase.postgres();
        TestApp a = TestApp.start(dir, db.sharedByAnotherNode(), searchDir("a"));
        TestApp b = TestApp.join(dir, db.sharedByAnotherNode(), searchDir("b"))) {
      Instant published =
          Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
      String path = path("pangolin-count", published);
      // Warm B's caches first, so stale cached pages would show.
      assertTrue(!body(b, "/en/").contains(path));
      assertTrue(!body(b, "/en/feed.atom").contains("Pangolin"));
      assertTrue(!body(b, search("pangolin")).contains(path));

      long start = System.nanoTime();
      a.app().articleWriter().save(article("pangolin-count", "Pangolin count rises", published));
      List<Long> took = new ArrayList<>();
      took.add(await(b, path, page -> page.contains("Pangolin count rises"), start, limit()));
      took.add(await(b, "/en/", page -> page.contains(path), start, limit()));
      took.add(await(b, "/en/feed.atom", page -> page.contains("Pangolin count"), start, limit()));
      took.add(await(b, search("pangolin"), page -> page.contains(path), start, limit()));

      long edit = System.nanoTime();
      a.app().articleWriter().save(article("pangolin-count", "Okapi census instead", published));
      took.add(await(b, path, page -> page.contains("Okapi census instead"), edit, limit()));
      took.add(await(b, "/en/feed.atom", page -> page.contains("Okapi census"), edit, limit()));
      took.add(await(b, search("okapi"), page -> page.contains(path), edit, limit()));
      took.add(await(b, search("pangolin"), page -> !page.contains(path), edit, limit()));
      System.out.println("node A -> node B propagation (ms): " + took);
      // Both nodes started the session purge; one lease row says a single node holds it.
      List<String> purgeHolders =
          b.app()
              .database()
              .read(h ->
                  h.createQuery("SELECT holder FROM job_lease WHERE name = 'admin-session-purge'")
                      .mapTo(String.class)
                      .list());
      assertEquals(1, purgeHolders.size(), "one lease for the session purge");
    }
  }

  @Test
  void scheduledArticlesArePublishedOnceWhenANodeDiesAtTheirTime() {
    TestDatabase db = TestDatabase.postgres();
    TestApp a =
        TestApp.start(
            dir.resolve("a"), db.sharedByAnotherNode(), Map.of("SEARCH_RATE_LIMIT", "100000"));
    try (db;
        TestApp b =
            TestApp.join(
                dir.resolve("b"),
                db.sharedByAnotherNode(),
                Map.of("SEARCH_RATE_LIMIT", "100000"))) {
      Instant first = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
      List<String> paths = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      Editorial editorial = a.app().editorial().editorial();
      for (int i = 0; i < 3; i++) {
        Instant at = first.plusSeconds(i);
        String slug = "scheduled-aardvark-" + i;
        long id = editorial.create(article(slug, "Aardvark bulletin " + i, at), EDITOR);
        editorial.schedule(id, at, EDITOR);
        ids.add(id);
        paths.add(path(slug, at));
      }
      assertEquals(404, b.get(paths.get(0)).statusCode(), "not public before its time");
      Nodes.sleep(Math.max(0, first.toEpochMilli() - System.currentTimeMillis() + 500));
      TestApp dying = a;
      a = null;
      dying.close(); // dies between the first publication and the others

      long start = System.nanoTime();
      // Every node checks for articles gone public each second; its search index does too.
      long limit = 3_000;
      for (String path : paths) {
        await(b, path, page -> page.contains("Aardvark bulletin"), start, limit);
        await(b, "/en/", page -> page.contains(path), start, limit);
        await(b, search("aardvark"), page -> page.contains(path), start, limit);
      }
      // Announced once each, by whichever node claimed it: one change-log entry from its time on.
      for (long id : ids) {
        long announcements =
            b.app()
                .database()
                .read(h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM change_log WHERE entity = 'article'"
                                + " AND entity_id = :id AND at >= :from")
                        .bind("id", id)
                        .bind("from", first.toEpochMilli())
                        .mapTo(Long.class)
                        .one());
        assertEquals(1, announcements, "article " + id + " announced exactly once");
      }
      String listing = body(b, "/en/");
      String feed = body(b, "/en/feed.atom");
      String found = body(b, search("aardvark"));
      for (int i = 0; i < 3; i++) {
        assertEquals(1, count(feed, "Aardvark bulletin " + i + "<"), "once in the feed");
        assertEquals(
            count(listing, paths.get(0)), count(listing, paths.get(i)), "listed alike, once each");
        assertEquals(count(found, paths.get(0)), count(found, paths.get(i)), "found once each");
      }
    } finally {
      if (a != null) {
        a.close();
      }
    }
  }

  private Map<String, String> searchDir(String node) {
    return Map.of(
        "SEARCH_DIR",
        dir.resolve("search-" + node).toString(),
        // The test polls search many times a second from one client.
        "SEARCH_RATE_LIMIT",
        "100000");
  }

  private static long limit() {
    return PROPAGATION_LIMIT_MILLIS;
  }
}
