package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tamizdat export}: what it prints, and its one-line failures. */
class ExportCommandTest {
  @TempDir Path dir;
  Path config;

  @BeforeEach
  void settings() throws Exception {
    config = dir.resolve("tamizdat.properties");
    Files.writeString(
        config,
        "tamizdat.data.dir="
            + dir.resolve("data")
            + "\ntamizdat.base.url=https://news.example\n"
            + "tamizdat.mirrors=https://mirror.example\n");
  }

  @Test
  void exportsAndSaysWhatItDid() {
    MainTest.Printed run =
        MainTest.runPrinting(
            "export",
            "--config",
            config.toString(),
            "--out",
            dir.resolve("site").toString(),
            "--base-url",
            "https://mirror.example/");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("exported https://mirror.example (mirror) to "), run.out());
    assertTrue(Files.isRegularFile(dir.resolve("site/en/index.html")));
  }

  @Test
  void badArgumentsAreOneLine() {
    MainTest.Run base =
        MainTest.run(
            "export",
            "--config",
            config.toString(),
            "--out",
            dir.toString(),
            "--base-url",
            "ftp://x");
    assertEquals(1, base.exitCode());
    assertEquals(
        "tamizdat: --base-url 'ftp://x' must be an absolute http or https URL", base.err().strip());
    MainTest.Run onion =
        MainTest.run("export", "--config", config.toString(), "--out", dir.toString(), "--onion");
    assertEquals(1, onion.exitCode());
    assertEquals("tamizdat: --onion needs TAMIZDAT_ONION_URL to be set", onion.err().strip());
    assertEquals(
        2, MainTest.run("export", "--config", config.toString()).exitCode(), "--out missing");
  }
}
