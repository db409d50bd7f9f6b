package org.tamizdat.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Debian's Chromium under Playwright, launched the same way by every browser test. */
public final class Chromium {
  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private Chromium() {}

  /** Skips the calling test class, loudly, on a machine without Chromium. */
  public static void require(String testName) {
    if (!Files.isExecutable(EXECUTABLE)) {
      // A silent skip would let CI go green without ever opening a browser.
      Skips.skipLoudly(testName + " needs " + EXECUTABLE + "; run `apt-get install chromium`");
    }
  }

  public static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                // Background-networking switches keep Chromium's own traffic out of the origin
                // check.
                .setArgs(
                    List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic")));
  }
}
