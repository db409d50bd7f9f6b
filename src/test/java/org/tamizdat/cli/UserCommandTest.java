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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.Role;
import org.tamizdat.app.App;
import org.tamizdat.config.ConfigLoader;

/** {@code tamizdat user create}: the first admin, from the command line. */
class UserCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int code = Main.commandLine().execute(args);
      return new Run(
          code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void createPrintsAOneTimeSetPasswordLinkForTheBaseUrl() throws Exception {
    Path config = dir.resolve("tamizdat.properties");
    Files.writeString(
        config,
        "tamizdat.data.dir="
            + dir.resolve("data")
            + "\ntamizdat.base.url=https://lantern.example\n");
    Run run =
        run(
            "user",
            "create",
            "--role",
            "admin",
            "Chief@Lantern.example",
            "--config",
            config.toString());
    assertEquals(0, run.code, run.out + run.err);
    Matcher m =
        Pattern.compile(
                "https://lantern\\.example/admin/set-password\\?token=([A-Za-z0-9_-]{43})\\n")
            .matcher(run.out);
    assertTrue(m.find(), run.out);
    try (App app = new App(ConfigLoader.load(Map.of(), Optional.of(config)), Clock.systemUTC())) {
      var account = app.admin().accounts().accountForToken(m.group(1)).orElseThrow();
      assertEquals("Chief@Lantern.example", account.email());
      assertEquals(Role.ADMIN, account.role());
      assertEquals("user.create", app.admin().audit().page(0, 1).get(0).action());
    }

    Run again =
        run(
            "user",
            "create",
            "--role",
            "editor",
            "chief@lantern.example",
            "--config",
            config.toString());
    assertEquals(1, again.code);
    assertEquals("tamizdat: an account for chief@lantern.example exists already\n", again.err);

    Run badRole =
        run("user", "create", "--role", "boss", "x@lantern.example", "--config", config.toString());
    assertEquals(1, badRole.code);
    assertTrue(badRole.err.startsWith("tamizdat: unknown role 'boss'"), badRole.err);
    assertFalse(badRole.err.contains("Exception"), badRole.err);
  }
}
