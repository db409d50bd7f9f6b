package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tamizdat sources keygen}: creates the key once, owner-only, and never replaces it. */
class SourcesCommandTest {
  @TempDir Path dir;

  @Test
  void keygenCreatesTheConfiguredKeyFileOnceAndRefusesToReplaceIt() throws Exception {
    Path key = dir.resolve("secret/sources.key");
    Path config = dir.resolve("tamizdat.properties");
    Files.writeString(
        config,
        "tamizdat.data.dir=" + dir.resolve("data") + "\ntamizdat.sources.key.file=" + key + "\n");
    String[] first = run("sources", "keygen", "--config", config.toString());
    assertEquals("0", first[0], first[1] + first[2]);
    assertTrue(first[1].matches("sources key k[0-9a-f]{8} written to " + key + " .*\\R"), first[1]);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    String written = Files.readString(key);

    String[] second = run("sources", "keygen", "--config", config.toString());
    assertEquals("1", second[0]);
    assertEquals(
        "tamizdat: a sources key already exists at " + key + "; it is never replaced",
        second[2].strip());
    assertEquals(written, Files.readString(key));
  }

  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      code = Main.commandLine().execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new String[] {
      String.valueOf(code),
      stdout.toString(StandardCharsets.UTF_8),
      stderr.toString(StandardCharsets.UTF_8)
    };
  }
}
