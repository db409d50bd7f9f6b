package org.tamizdat.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.ticker.Instrument;
import org.tamizdat.ticker.Quote;
import org.tamizdat.ticker.TickerRepository;

/**
 * Loads the fictional demo newsroom ("The Northern Lantern"): sections, authors, articles in both
 * editions with generated lead images, and a week of ticker values. Running it again updates the
 * same rows instead of adding new ones.
 */
public final class DemoContent {
  private static final String ROOT = "demo/";

  private final CatalogRepository catalog;
  private final ArticleWriter writer;
  private final TickerRepository tickers;
  private final Path mediaDir;
  private final Clock clock;

  public DemoContent(
      CatalogRepository catalog,
      ArticleWriter writer,
      TickerRepository tickers,
      Path mediaDir,
      Clock clock) {
    this.catalog = catalog;
    this.writer = writer;
    this.tickers = tickers;
    this.mediaDir = mediaDir;
    this.clock = clock;
  }

  /** The demo's own defaults for settings an operator did not give. */
  public static Map<String, String> defaults() {
    return Map.of(
        "SITE_NAME_EN",
        "The Northern Lantern",
        "SITE_NAME_RU",
        "Северный фонарь",
        "DAY_COUNTER_START",
        "2023-03-14");
  }

  /** Loads everything; returns how many articles were written. */
  public int load() {
    int position = 0;
    for (String[] row : tsv("sections.tsv")) {
      catalog.saveSection(row[0], position++, Map.of(Language.EN, row[1], Language.RU, row[2]));
    }
    for (String[] row : tsv("authors.tsv")) {
      catalog.saveAuthor(
          row[0],
          Map.of(Language.EN, row[1], Language.RU, row[2]),
          Map.of(Language.EN, row[3], Language.RU, row[4]));
    }
    List<String> files = lines(ROOT + "articles/index.txt");
    for (String file : files) {
      ArticleInput input = DemoArticleFile.parse(file, resource(ROOT + "articles/" + file));
      if (input.leadImage() != null) {
        writeImage(input.leadImage(), input.title());
      }
      writer.save(input);
    }
    seedTicker();
    return files.size();
  }

  private void writeImage(String fileName, String title) {
    String seed = fileName.substring("demo-".length(), fileName.length() - ".svg".length());
    try {
      Files.createDirectories(mediaDir);
      Files.writeString(
          mediaDir.resolve(fileName), LeadImages.svg(seed, ""), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write demo image for " + title, e);
    }
  }

  /**
   * A week of plausible values, only into an empty table: real fetched values are never touched.
   */
  private void seedTicker() {
    if (!tickers.isEmpty()) {
      return;
    }
    double[][] week = {
      {81.42, 81.97, 82.35, 82.10, 82.64, 83.05, 82.71},
      {94.10, 94.62, 95.08, 94.87, 95.30, 95.61, 95.94},
      {64.80, 65.12, 64.55, 63.98, 64.40, 65.03, 64.62}
    };
    List<String> codes = List.of("USD", "EUR", Instrument.OIL);
    LocalDate today = Quote.marketToday(clock);
    List<Quote> quotes = new ArrayList<>();
    for (int c = 0; c < codes.size(); c++) {
      for (int d = 0; d < 7; d++) {
        quotes.add(
            Quote.onDay(
                codes.get(c), today.minusDays(6 - d), BigDecimal.valueOf(week[c][d]), "demo"));
      }
    }
    tickers.record(quotes);
  }

  private static List<String[]> tsv(String name) {
    return lines(ROOT + name).stream().map(line -> line.split("\t")).toList();
  }

  private static List<String> lines(String path) {
    return resource(path)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static String resource(String path) {
    try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
