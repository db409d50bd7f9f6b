package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing command says what is wrong in one line per problem, never with a stack trace. */
class MainTest {
  @TempDir Path dir;

  record Run(int exitCode, String err) {}

  /** What a command printed on both streams, and its exit code. */
  record Printed(int exitCode, String out, String err) {}

  static Printed runPrinting(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      Run run = run(args);
      return new Printed(run.exitCode(), out.toString(StandardCharsets.UTF_8), run.err());
    } finally {
      System.setOut(original);
    }
  }

  static Run run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(Main.commandLine().execute(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void badConfigurationNamesEverySettingAndExitsWithTwo() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "tamizdat.http.port=eighty\ntamizdat.time.zone=Atlantis/Capital\n");
    Run run = run("serve", "--config", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("TAMIZDAT_HTTP_PORT: must be a port number"), run.err());
    assertTrue(run.err().contains("TAMIZDAT_TIME_ZONE: must be a time zone"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void missingConfigFileIsOneLine() {
    Run run = run("demo", "--config", dir.resolve("absent.properties").toString());
    assertEquals(1, run.exitCode());
    assertEquals(
        "tamizdat: config file not found: " + dir.resolve("absent.properties"), run.err().strip());
  }
}
