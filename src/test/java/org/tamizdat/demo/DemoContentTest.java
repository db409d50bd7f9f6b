package org.tamizdat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.app.App;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.config.ConfigLoader;

class DemoContentTest {
  static final Path ARTICLES = Path.of("src/main/resources/demo/articles");

  @TempDir Path dir;

  @Test
  void indexListsEveryArticleFile() throws IOException {
    List<String> index =
        Files.readAllLines(ARTICLES.resolve("index.txt")).stream()
            .filter(l -> !l.isBlank())
            .sorted()
            .toList();
    try (Stream<Path> files = Files.list(ARTICLES)) {
      assertEquals(
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .sorted()
              .toList(),
          index);
    }
  }

  @Test
  void demoMeetsTheEditorialBar() throws IOException {
    Map<Language, Integer> published = new HashMap<>();
    Map<String, Integer> groups = new HashMap<>();
    int longReads = 0;
    for (String file : Files.readAllLines(ARTICLES.resolve("index.txt"))) {
      ArticleInput a = DemoArticleFile.parse(file, Files.readString(ARTICLES.resolve(file)));
      if (a.status() == Status.PUBLISHED) {
        published.merge(a.lang(), 1, Integer::sum);
        groups.merge(a.translationGroup(), 1, Integer::sum);
      }
      if (a.bodyMarkdown().split("\\s+").length >= 600) {
        longReads++;
      }
    }
    assertTrue(published.get(Language.EN) >= 12, "English articles: " + published);
    assertTrue(published.get(Language.RU) >= 12, "Russian articles: " + published);
    assertTrue(groups.values().stream().filter(n -> n == 2).count() >= 6, "translation pairs");
    assertTrue(longReads >= 6, "long-reads of 600+ words: " + longReads);
  }

  @Test
  void frontMatterErrorsNameTheFileAndTheProblem() {
    String ok =
        "---\nslug: a\nsection: s\ntitle: T\nauthors: x\npublished: 2026-11-01T00:00:00Z\n---\nBody\n";
    assertEquals("a", DemoArticleFile.parse("k.en.md", ok).slug());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> DemoArticleFile.parse("k.de.md", ok))
            .getMessage()
            .contains("k.de.md: unknown language"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DemoArticleFile.parse("k.en.md", ok.replace("title: T\n", "")))
            .getMessage()
            .contains("missing 'title'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DemoArticleFile.parse("k.en.md", ok.replace("slug: a", "colour: red")))
            .getMessage()
            .contains("unknown front matter line"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    DemoArticleFile.parse(
                        "k.en.md", ok.replace("2026-11-01T00:00:00Z", "yesterday")))
            .getMessage()
            .contains("bad instant"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DemoArticleFile.parse("k.en.md", "no front matter"))
            .getMessage()
            .contains("missing front matter"));
  }

  @Test
  void loadingTwiceChangesNothing() {
    Map<String, String> env =
        Map.of(
            "TAMIZDAT_DATA_DIR",
            dir.toString(),
            "TAMIZDAT_DB_URL",
            "jdbc:sqlite:" + dir.resolve("d.db"));
    try (App app = new App(ConfigLoader.load(env, Optional.empty()), Clock.systemUTC())) {
      app.loadDemo();
      Map<String, Long> first = counts(app);
      app.loadDemo();
      assertEquals(first, counts(app));
      assertTrue(first.get("article") >= 26, first.toString());
      assertTrue(Files.exists(dir.resolve("media").resolve("demo-well.svg")));
    }
  }

  private static Map<String, Long> counts(App app) {
    Map<String, Long> counts = new HashMap<>();
    for (String table :
        List.of(
            "article",
            "author",
            "section",
            "tag",
            "article_tag",
            "article_author",
            "ticker_quote")) {
      counts.put(
          table,
          app.database()
              .read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
    }
    return counts;
  }
}
