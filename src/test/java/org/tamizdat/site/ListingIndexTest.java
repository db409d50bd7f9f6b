package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Status;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.Probes;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/** Listings keep their article ids between writes, yet never miss a scheduled article. */
class ListingIndexTest {
  @TempDir Path dir;

  @Test
  void aScheduledArticleJoinsItsListingsWhenItsTimeComes() {
    MutableClock clock = new MutableClock(Instant.now());
    try (TestApp site =
        TestApp.start(dir, TestDatabase.sqlite(dir), Map.of("PAGE_CACHE", "off"), clock)) {
      Instant soon = clock.instant().plus(Duration.ofMinutes(5));
      Probes.save(
          site,
          Probes.article(
              "scheduled-probe", "Scheduled probe", "", Status.PUBLISHED, soon, List.of()));
      assertFalse(site.get("/en/").body().contains("Scheduled probe"));
      assertFalse(site.get("/en/section/culture").body().contains("Scheduled probe"));
      clock.advance(Duration.ofMinutes(10));
      assertTrue(site.get("/en/").body().contains("Scheduled probe"), "no write happened since");
      assertTrue(site.get("/en/section/culture").body().contains("Scheduled probe"));
    }
  }
}
