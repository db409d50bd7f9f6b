package org.tamizdat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.Skips;

/**
 * The outdated-browser notice runs in browsers too old for the rest of the site, so a single ES5+
 * token would make it throw a SyntaxError exactly where it is needed. These tests run the
 * acorn-based ES3 checker over every browser asset.
 */
class OutdatedBrowserScriptTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir"));
  private static final Path ASSETS = ROOT.resolve("src/main/resources/assets");
  private static final Path SCRIPT = ASSETS.resolve("outdated.js");
  private static final Path CHECKER = ROOT.resolve("tools/es3check/check.js");

  @Test
  void everyAssetScriptIsEs3() throws Exception {
    requireNodeAndAcorn();
    List<String> files;
    try (Stream<Path> walk = Files.walk(ASSETS)) {
      files = walk.filter(p -> p.toString().endsWith(".js")).sorted().map(Path::toString).toList();
    }
    assertTrue(files.contains(SCRIPT.toString()), "outdated.js must be among the checked files");
    Result result = runChecker(files);
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void checkerRejectsSyntaxNewerThanEs3(@TempDir Path dir) throws Exception {
    requireNodeAndAcorn();
    // A control file, so a checker that fails on everything cannot pass this test.
    Path good = write(dir, "good.js", "var o = {'class': 1}; o['default'] = [1, 2];\n");
    Result control = runChecker(List.of(good.toString()));
    assertEquals(0, control.exitCode(), control.output());

    String[] bad = {
      "const x = 1;", "var o = {a: 1,};", "a.class = 1;", "var f = () => 1;",
    };
    for (int i = 0; i < bad.length; i++) {
      Path file = write(dir, "bad" + i + ".js", bad[i] + "\n");
      Result result = runChecker(List.of(file.toString()));
      assertNotEquals(0, result.exitCode(), "checker accepted: " + bad[i]);
      assertTrue(result.output().contains(file.toString() + ":1:"), result.output());
    }
  }

  @Test
  void scriptIsSmallAndTouchesNoMarkup() throws IOException {
    byte[] bytes = Files.readAllBytes(SCRIPT);
    assertTrue(bytes.length <= 1536, "outdated.js is " + bytes.length + " bytes; limit 1536");
    String src = new String(bytes, StandardCharsets.UTF_8);
    for (String forbidden : List.of("innerHTML", "eval", "document.write")) {
      assertFalse(src.contains(forbidden), "outdated.js must not use " + forbidden);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result runChecker(List<String> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", CHECKER.toString()));
    command.addAll(files);
    // Output goes to a file so that the timeout below holds even if node hangs.
    Path log = Files.createTempFile("es3check", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("es3check timed out: " + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Skips, but never quietly: a silent skip would let ES5 syntax ship unnoticed. */
  private static void requireNodeAndAcorn() throws InterruptedException {
    try {
      Process probe =
          new ProcessBuilder("node", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        abortLoudly("`node --version` failed");
      }
    } catch (IOException e) {
      abortLoudly("`node` is not on PATH");
    }
    if (!Files.isDirectory(ROOT.resolve("tools/es3check/node_modules/acorn"))) {
      abortLoudly("tools/es3check/node_modules/acorn is missing");
    }
  }

  private static void abortLoudly(String why) {
    Skips.skipLoudly(
        "ES3 check of browser assets did not run: "
            + why
            + ". Install Node.js and run `npm ci --prefix tools/es3check`.");
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
