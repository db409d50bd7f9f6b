package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    MainTest.Printed run = MainTest.runPrinting(args);
    return new String[] {String.valueOf(run.exitCode()), run.out(), run.err()};
  }
}
