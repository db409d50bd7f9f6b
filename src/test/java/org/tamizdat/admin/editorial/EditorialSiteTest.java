package org.tamizdat.admin.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.settings.DayCounterSettings;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/** The editorial services inside the running site: preview, runtime settings, scheduling. */
class EditorialSiteTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Actor EDITOR = new Actor(1L, "Editor");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(NOW);
  TestApp site;
  EditorialServices services;

  @BeforeEach
  void start() {
    site = TestApp.start(dir, TestDatabase.sqlite(dir), Map.of(), clock);
    services = site.app().editorial();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static ArticleInput draft(String slug, String title, String body) {
    return new ArticleInput(
        Language.EN,
        slug,
        null,
        "Probe",
        title,
        "A dek.",
        body,
        "culture",
        List.of("gleb-sarmatov"),
        List.of("Probes"),
        Status.DRAFT,
        null,
        null,
        null,
        null);
  }

  @Test
  void thePreviewIsThePublicPageByteForByte() {
    ArticleInput content =
        draft(
            "preview-probe",
            "Preview probe",
            "Text with *emphasis* and \"quotes\".\n\n<script>alert(1)</script>\n\n[link](javascript:x)");
    long id = services.editorial().create(content, EDITOR);
    String preview = new String(services.preview().render(id, content), StandardCharsets.UTF_8);
    assertFalse(preview.contains("<script>alert"), "sanitized like a save");
    assertFalse(preview.contains("javascript:"));
    assertTrue(preview.contains("Preview probe"));
    assertEquals(
        404, site.get("/en/2026/11/25/preview-probe").statusCode(), "a preview publishes nothing");

    services.editorial().publish(id, EDITOR);
    site.app().changed();
    HttpResponse<String> page = site.get("/en/2026/11/25/preview-probe");
    assertEquals(200, page.statusCode());
    assertEquals(page.body(), preview);
  }

  @Test
  void theHeaderFollowsADayCounterChange() {
    String home = site.get("/en/").body();
    LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of("Europe/Riga"));
    long demoDay = ChronoUnit.DAYS.between(LocalDate.parse("2023-03-14"), today) + 1;
    assertTrue(home.contains("Day " + demoDay), "configured counter");

    services
        .dayCounters()
        .save(
            Language.EN,
            Optional.of(
                new DayCounterSettings.Choice(
                    Optional.of(LocalDate.parse("2024-01-01")),
                    Optional.of("{days} days in exile"))),
            1L);
    site.app().changed();
    long day = ChronoUnit.DAYS.between(LocalDate.parse("2024-01-01"), today) + 1;
    String changed = site.get("/en/").body();
    assertTrue(changed.contains(day + " days in exile"), "the cached home follows");
    assertFalse(changed.contains("Day " + demoDay));
    assertTrue(
        site.get("/ru/").body().contains("День " + demoDay), "the other edition keeps its own");
  }

  @Test
  void aScheduledArticleReachesTheCachedHomeAtItsTime() throws InterruptedException {
    long id =
        services.editorial().create(draft("scheduled-probe", "Scheduled probe", "Soon."), EDITOR);
    services.editorial().schedule(id, NOW.plus(Duration.ofMinutes(30)), EDITOR);
    site.app().changed();
    assertFalse(site.get("/en/").body().contains("Scheduled probe"));
    clock.advance(Duration.ofMinutes(31));
    boolean shown = false;
    for (int i = 0; i < 40 && !shown; i++) {
      shown = site.get("/en/").body().contains("Scheduled probe");
      Thread.sleep(250);
    }
    assertTrue(shown, "on the home page within the scheduler's period");
  }
}
