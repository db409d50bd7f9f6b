package org.tamizdat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.cluster.Nodes.article;
import static org.tamizdat.cluster.Nodes.path;
import static org.tamizdat.cluster.Nodes.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.db.Leases;
import org.tamizdat.jobs.Job;
import org.tamizdat.jobs.Jobs;
import org.tamizdat.testing.TcpProxy;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * A PostgreSQL restart under load, simulated by a proxy that drops every connection and refuses new
 * ones for a while (the real server is shared with other tests, so it is never restarted). The node
 * must come back by itself: writes succeed again, every acknowledged write is stored, and its
 * change watcher and search index follow writes made elsewhere.
 */
@Tag("postgres")
class PostgresRestartTest {
  @TempDir Path dir;

  @Test
  void aNodeRecoversByItselfAndLosesNoAcknowledgedWrite() throws Exception {
    try (TestDatabase db = TestDatabase.postgres()) {
      var server = db.serverAddress();
      try (TcpProxy proxy = new TcpProxy(server.getHostString(), server.getPort());
          TestApp node =
              TestApp.start(
                  dir, db.throughPort(proxy.port()), Map.of("SEARCH_RATE_LIMIT", "100000"));
          Database direct = Database.open(db.url())) {
        Instant published =
            Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer =
            Thread.ofVirtual()
                .start(() -> {
                  ArticleWriter articles = node.app().articleWriter();
                  for (int i = 0; !stop.get(); i++) {
                    String slug = "load-" + i;
                    try {
                      articles.save(article(slug, "Load " + i, published));
                      acknowledged.add(slug);
                    } catch (RuntimeException e) {
                      failed.incrementAndGet(); // not acknowledged: the caller would retry
                    }
                  }
                });
        // A job on the node's own pool, as serve runs them: it must keep its schedule afterwards.
        AtomicInteger jobRuns = new AtomicInteger();
        Jobs jobs =
            new Jobs(
                new Leases(node.app().database(), Clock.systemUTC()),
                "restart-node",
                Clock.systemUTC(),
                Duration.ofSeconds(2));
        jobs.start(
            List.of(new Job("restart-probe", Duration.ofMillis(200), jobRuns::incrementAndGet)));
        Thread.sleep(1_000);
        proxy.cut();
        Thread.sleep(2_000);
        int beforeRestore = acknowledged.size();
        proxy.restore();
        long restored = System.nanoTime();
        Nodes.await(
            () -> acknowledged.size() > beforeRestore + 5,
            "writes after restart",
            restored,
            15_000);
        long writesBack = (System.nanoTime() - restored) / 1_000_000;
        int jobRunsBack = jobRuns.get();
        Nodes.await(
            () -> jobRuns.get() > jobRunsBack + 2,
            "the job running again",
            System.nanoTime(),
            5_000);
        jobs.close();
        stop.set(true);
        writer.join();

        List<String> stored =
            direct.read(h ->
                h.createQuery("SELECT slug FROM article WHERE slug LIKE 'load-%'")
                    .mapTo(String.class)
                    .list());
        assertTrue(stored.containsAll(acknowledged), "every acknowledged write is stored");
        assertEquals(200, node.get("/en/").statusCode());

        // A write by another process reaches this node's pages and search through the change log.
        long start = System.nanoTime();
        new ArticleWriter(
                direct, new ChangeLog(Clock.systemUTC()), new BodyRenderer(), Clock.systemUTC())
            .save(article("after-the-restart", "Quokka returns", published));
        String path = path("after-the-restart", published);
        Nodes.await(node, path, page -> page.contains("Quokka returns"), start, 2_000);
        Nodes.await(node, "/en/", page -> page.contains(path), start, 2_000);
        Nodes.await(node, search("quokka"), page -> page.contains(path), start, 2_000);
        System.out.printf(
            "restart: %d writes acknowledged, %d failed, writes back %d ms after restore%n",
            acknowledged.size(), failed.get(), writesBack);
      }
    }
  }
}
