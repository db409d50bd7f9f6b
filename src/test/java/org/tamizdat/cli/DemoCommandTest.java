package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tamizdat demo --export DIR}: the demo newsroom as a static site, which is also the
 * launcher's training run for its start-up cache.
 */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void exportsTheDemoSiteInsteadOfServingIt() throws Exception {
    Path config = dir.resolve("tamizdat.properties");
    Files.writeString(config, "tamizdat.data.dir=" + dir.resolve("data") + "\n");
    MainTest.Printed run =
        MainTest.runPrinting(
            "demo", "--config", config.toString(), "--export", dir.resolve("site").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("(?s)demo: \\d+ articles, \\d+ files exported to .*"), run.out());
    try (Stream<Path> articles = Files.walk(dir.resolve("site/ru"))) {
      assertTrue(
          articles.filter(p -> p.endsWith("index.html")).count() > 10,
          "Russian edition pages exported");
    }
    assertTrue(Files.isRegularFile(dir.resolve("site/en/index.html")));
  }
}
