package org.tamizdat.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.Skips;
import org.tamizdat.testing.TestDatabase;

/** The benchmark at toy scale, so it cannot rot between runs of bench/search.sh. */
@Tag("postgres")
class SearchBenchmarkSmokeTest {
  @TempDir Path dir;

  @Test
  void bothEnginesAnswerTheSameQueriesAlike() throws Exception {
    String url = System.getenv(TestDatabase.PG_URL_VARIABLE);
    if (url == null || url.isBlank()) {
      Skips.skipLoudly("the search benchmark's baseline needs " + TestDatabase.PG_URL_VARIABLE);
    }
    SearchBenchmark.Figures figures = SearchBenchmark.run(dir, 400, 60, url);
    assertEquals(400, figures.articles());
    assertTrue(figures.lucene().meanHits() > 0, "queries find something");
    // Different stemmers and stop lists, same archive: the engines should roughly agree.
    double ratio = figures.lucene().meanHits() / figures.postgres().meanHits();
    assertTrue(ratio > 0.7 && ratio < 1.3, "mean hits differ too much: " + figures);
  }
}
