package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tamizdat import wordpress}: the progress bar, the report, and one-line failures. */
class ImportCommandTest {
  @TempDir Path dir;
  Path config;
  Path export;

  @BeforeEach
  void settings() throws Exception {
    config = dir.resolve("tamizdat.properties");
    Files.writeString(config, "tamizdat.data.dir=" + dir.resolve("data") + "\n");
    export = dir.resolve("export.xml");
    try (InputStream in = getClass().getResourceAsStream("/importer/wxr-1.2.xml")) {
      Files.copy(in, export);
    }
  }

  private record Printed(int code, String out, String err) {}

  private Printed run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      MainTest.Run run = MainTest.run(args);
      return new Printed(run.exitCode(), out.toString(StandardCharsets.UTF_8), run.err());
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void aDryRunThenTheImportThenARerunThatUpdates() {
    Printed dry =
        run("import", "wordpress", export.toString(), "--dry-run", "--config", config.toString());
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().startsWith("dry run: nothing was written"), dry.out());
    assertTrue(dry.out().contains("posts created"), dry.out());
    assertTrue(dry.err().contains("scan [") && dry.err().contains("import ["), dry.err());

    Printed real = run("import", "wordpress", export.toString(), "--config", config.toString());
    assertEquals(0, real.code(), real.err());
    assertTrue(real.out().startsWith("import committed"), real.out());
    assertTrue(real.out().matches("(?s).*posts created\\s+8\\n.*"), real.out());
    assertTrue(real.out().contains("pending                  1  (awaiting review"), real.out());
    assertTrue(real.out().contains("comments (skipped)       2"), real.out());
    assertTrue(real.out().contains("shortcode [contact-form-7] removed"), real.out());

    Printed again = run("import", "wordpress", export.toString(), "--config", config.toString());
    assertTrue(again.out().matches("(?s).*posts updated\\s+8\\n.*"), again.out());
    assertFalse(again.out().contains("posts created"), again.out());
  }

  @Test
  void badInputIsOneLine() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.xml"), "<rss><channel><item></channel>");
    Printed run = run("import", "wordpress", broken.toString(), "--config", config.toString());
    assertEquals(1, run.code());
    String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("tamizdat: malformed XML at line 1, column 23: "), run.err());
    assertFalse(run.err().contains("\tat "), run.err());

    Printed edition =
        run(
            "import",
            "wordpress",
            export.toString(),
            "--edition",
            "de",
            "--config",
            config.toString());
    assertEquals(1, edition.code());
    assertEquals("tamizdat: --edition must be en or ru, not 'de'", edition.err().strip());

    Printed missing =
        run(
            "import",
            "wordpress",
            dir.resolve("nope.xml").toString(),
            "--config",
            config.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().strip().startsWith("tamizdat: no such export file: "), missing.err());
  }
}
