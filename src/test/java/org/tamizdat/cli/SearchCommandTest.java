package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.app.App;
import org.tamizdat.config.ConfigLoader;

/** {@code tamizdat search reindex} on a data directory holding the demo newsroom. */
class SearchCommandTest {
  @TempDir Path dir;

  @Test
  void reindexRebuildsBothEditionsWithAProgressBarAndOneSummaryLine() throws Exception {
    Path config = dir.resolve("tamizdat.properties");
    Files.writeString(config, "tamizdat.data.dir=" + dir.resolve("data") + "\n");
    try (App app = new App(ConfigLoader.load(Map.of(), Optional.of(config)), Clock.systemUTC())) {
      app.loadDemo();
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      code = Main.commandLine().execute("search", "reindex", "--config", config.toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String printed = stdout.toString(StandardCharsets.UTF_8);
    String bar = stderr.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed + bar);
    assertTrue(
        printed
            .strip()
            .matches("search index rebuilt: 26 articles \\(en 13, ru 13\\) in [0-9.]+ s"),
        printed);
    assertTrue(bar.contains("reindex [") && bar.contains("] 26/26 articles"), bar);
    assertFalse(bar.contains("Exception"), bar);
    String generation = Files.readString(dir.resolve("data/search/current")).strip();
    assertTrue(Files.isDirectory(dir.resolve("data/search/en").resolve(generation)));
    assertTrue(Files.isDirectory(dir.resolve("data/search/ru").resolve(generation)));
  }
}
