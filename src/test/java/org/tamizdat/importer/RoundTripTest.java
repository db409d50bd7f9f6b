package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * A generated site with many articles is exported as WordPress would (bodies as the HTML readers
 * saw), imported into a running site, and compared: counts, the stored bodies, and public pages.
 */
class RoundTripTest {
  private static final int STORIES = 240;
  private static final String[] EN = {
    "harbour",
    "council",
    "budget",
    "river",
    "school",
    "court",
    "market",
    "bridge",
    "winter",
    "election",
    "railway",
    "clinic",
    "factory",
    "festival",
    "library",
    "village"
  };
  private static final String[] RU = {
    "гавань",
    "совет",
    "бюджет",
    "река",
    "школа",
    "суд",
    "рынок",
    "мост",
    "зима",
    "выборы",
    "дорога",
    "больница",
    "завод",
    "праздник",
    "библиотека",
    "деревня"
  };
  private static final String[] SECTIONS = {"politics", "economy", "culture", "society"};

  @TempDir Path dir;

  /** One generated article on the source site, as written and as rendered there. */
  private record Source(ArticleInput input, String html) {}

  @Test
  void aGeneratedSiteSurvivesExportAndImport() throws Exception {
    List<Source> site = generate();
    Path wxr = dir.resolve("site.xml");
    try (WxrWriter writer = new WxrWriter(wxr, "https://old.example")) {
      writer.author("desk", "Desk Editor");
      writer.author("ivan", "Ivan Petrov");
      for (int i = 0; i < SECTIONS.length; i++) {
        writer.category(i + 10, SECTIONS[i], capital(SECTIONS[i]));
      }
      long id = 1000;
      for (Source s : site) {
        ArticleInput a = s.input();
        writer.post(
            new WxrWriter.Post(
                id++,
                a.lang().code(),
                a.slug(),
                a.translationGroup(),
                a.kicker(),
                a.title(),
                a.dek(),
                s.html(),
                a.sectionSlug(),
                capital(a.sectionSlug()),
                a.authorSlugs().get(0),
                a.tagNames(),
                a.status() == Status.PUBLISHED,
                a.publishedAt() != null ? a.publishedAt() : a.updatedAt()));
      }
    }

    try (TestApp app = TestApp.start(dir.resolve("target"), Map.of())) {
      ImportReport report =
          app.app()
              .importWordPress(
                  new WordPressImporter.Options(wxr, Optional.empty(), Optional.empty(), false),
                  ImportProgress.NONE);
      long drafts = site.stream().filter(s -> s.input().status() == Status.DRAFT).count();
      assertEquals(STORIES, report.count("posts created"), report.lines().toString());
      assertEquals(STORIES - drafts, (long) report.statuses().get("publish"));
      assertEquals(0, report.warningCount(), report.lines().toString());
      Database target = app.app().database();
      for (Language lang : Language.values()) {
        long expected = site.stream().filter(s -> s.input().lang() == lang).count();
        assertEquals(
            expected,
            (long)
                target.read(h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM article a JOIN wordpress_post w"
                                + " ON w.article_id = a.id WHERE a.lang = :lang")
                        .bind("lang", lang.code())
                        .mapTo(Long.class)
                        .one()));
      }
      for (Source s : site) {
        ArticleInput a = s.input();
        String stored =
            target.read(h ->
                h.createQuery("SELECT body_html FROM article WHERE lang = :lang AND slug = :slug")
                    .bind("lang", a.lang().code())
                    .bind("slug", a.slug())
                    .mapTo(String.class)
                    .one());
        assertTrue(s.html().contains("<h2>") && s.html().contains("<blockquote>"), s.html());
        assertEquals(s.html(), stored, "body of " + a.slug());
      }
      for (int i = 0; i < site.size(); i += 17) {
        ArticleInput a = site.get(i).input();
        if (a.status() != Status.PUBLISHED) {
          continue;
        }
        String path =
            "/"
                + a.lang().code()
                + "/"
                + a.publishedAt()
                    .atZone(java.time.ZoneId.of("Europe/Riga"))
                    .toLocalDate()
                    .toString()
                    .replace('-', '/')
                + "/"
                + a.slug();
        HttpResponse<String> page = app.get(path);
        assertEquals(200, page.statusCode(), path);
        String body = plain(page.body());
        for (String shown :
            List.of(a.kicker(), a.title(), a.dek(), firstWords(a.bodyMarkdown()), byline(a))) {
          assertTrue(body.contains(plain(shown)), shown + " not on " + path);
        }
        if (a.translationGroup() != null) {
          assertTrue(page.body().contains("hreflang=\"" + a.lang().other().code() + "\""), path);
        }
      }
    }
  }

  private List<Source> generate() {
    Random random = new Random(9);
    Clock clock = Clock.systemUTC();
    List<Source> out = new ArrayList<>();
    try (MigratedDatabase source = MigratedDatabase.open(TestDatabase.sqlite(dir))) {
      Database db = source.database();
      ChangeLog log = new ChangeLog(clock);
      CatalogRepository catalog = new CatalogRepository(db, log);
      ArticleWriter writer = new ArticleWriter(db, log, new BodyRenderer(), clock);
      for (int i = 0; i < SECTIONS.length; i++) {
        catalog.saveSection(SECTIONS[i], i, Map.of(Language.EN, capital(SECTIONS[i])));
      }
      catalog.saveAuthor("desk", Map.of(Language.EN, "Desk Editor"), Map.of());
      catalog.saveAuthor("ivan", Map.of(Language.EN, "Ivan Petrov"), Map.of());
      Instant start = Instant.parse("2025-01-01T08:00:00Z");
      for (int i = 0; out.size() < STORIES; i++) {
        String section = SECTIONS[i % SECTIONS.length];
        String author = i % 3 == 0 ? "ivan" : "desk";
        boolean published = i % 11 != 5;
        String group = i % 2 == 0 ? "story" + i : null;
        Instant at = start.plus(Duration.ofHours(7L * i));
        out.add(
            story(
                writer, Language.EN, "story-" + i, group, section, author, published, at, random));
        if (group != null && out.size() < STORIES) {
          out.add(
              story(
                  writer,
                  Language.RU,
                  "istoriya-" + i,
                  group,
                  section,
                  author,
                  published,
                  at.plusSeconds(600),
                  random));
        }
      }
      return out.stream().map(s -> new Source(s.input(), body(db, s.input()))).toList();
    }
  }

  private static Source story(
      ArticleWriter writer,
      Language lang,
      String slug,
      String group,
      String section,
      String author,
      boolean published,
      Instant at,
      Random random) {
    String[] words = lang == Language.EN ? EN : RU;
    String body =
        sentence(words, random, 12)
            + "\n\n"
            + "## "
            + sentence(words, random, 3)
            + "\n\n"
            + sentence(words, random, 5)
            + " *"
            + sentence(words, random, 2)
            + "* and **"
            + sentence(words, random, 2)
            + "** with [a link](https://example.org/"
            + slug
            + ").\n\n- "
            + sentence(words, random, 3)
            + "\n- "
            + sentence(words, random, 3)
            + "\n\n> "
            + sentence(words, random, 6)
            + "\n";
    ArticleInput input =
        new ArticleInput(
            lang,
            slug,
            group,
            capital(words[random.nextInt(words.length)]),
            capital(sentence(words, random, 5)),
            capital(sentence(words, random, 9)),
            body,
            section,
            List.of(author),
            List.of(capital(words[random.nextInt(words.length)])),
            published ? Status.PUBLISHED : Status.DRAFT,
            published ? at : null,
            at,
            null,
            null);
    writer.save(input);
    return new Source(input, null);
  }

  private static String body(Database db, ArticleInput a) {
    return db.read(h ->
        h.createQuery("SELECT body_html FROM article WHERE lang = :lang AND slug = :slug")
            .bind("lang", a.lang().code())
            .bind("slug", a.slug())
            .mapTo(String.class)
            .one());
  }

  private static String sentence(String[] words, Random random, int n) {
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      picked.add(words[random.nextInt(words.length)]);
    }
    return String.join(" ", picked);
  }

  private static String capital(String word) {
    return word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
  }

  private static String firstWords(String markdown) {
    String[] words = markdown.split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, 4));
  }

  private static String byline(ArticleInput a) {
    return a.authorSlugs().get(0).equals("ivan") ? "Ivan Petrov" : "Desk Editor";
  }

  /** Page text with no-break spaces as spaces: Russian typography adds them after short words. */
  private static String plain(String html) {
    return html.replace("&nbsp;", " ").replace('\u00a0', ' ').replace("&#160;", " ");
  }
}
