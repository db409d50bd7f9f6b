package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code =
          MainTest.run(
                  "demo", "--config", config.toString(), "--export", dir.resolve("site").toString())
              .exitCode();
    } finally {
      System.setOut(original);
    }
    assertEquals(0, code);
    String said = out.toString(StandardCharsets.UTF_8);
    assertTrue(said.matches("(?s)demo: \\d+ articles, \\d+ files exported to .*"), said);
    try (Stream<Path> articles = Files.walk(dir.resolve("site/ru"))) {
      assertTrue(
          articles.filter(p -> p.endsWith("index.html")).count() > 10,
          "Russian edition pages exported");
    }
    assertTrue(Files.isRegularFile(dir.resolve("site/en/index.html")));
  }
}
