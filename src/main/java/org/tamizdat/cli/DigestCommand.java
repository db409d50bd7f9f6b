package org.tamizdat.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.article.Language;
import org.tamizdat.newsletter.DigestSender;
import org.tamizdat.newsletter.Digests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tamizdat digest preview|send}: the weekly digest by hand. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = "Preview or send the weekly digest.",
    subcommands = {DigestCommand.Preview.class, DigestCommand.Send.class})
final class DigestCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static Optional<String> intro(Path file) throws IOException {
    return file == null ? Optional.empty() : Optional.of(Files.readString(file));
  }

  static Language edition(String code) {
    return Language.fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException("--edition must be en or ru, got " + code));
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = "Write this week's digest as a subscriber gets it.")
  static final class Preview implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--edition", required = true, description = "en or ru")
    String edition;

    @Option(names = "--intro", paramLabel = "FILE", description = "Editor's introduction (text).")
    Path intro;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
      Language lang = edition(edition);
      try (App app = new App(config.load(Map.of()), Clock.systemUTC());
          OutputStream target = out == null ? System.out : Files.newOutputStream(out);
          ProgressBar bar = new ProgressBar(System.err, "preview", Digests.PREVIEW_STEPS)) {
        if (!app.digests().preview(lang, intro(intro), target, bar::step)) {
          System.err.println("no articles published in " + lang.code() + " this week: no digest");
          return 3;
        }
        target.flush();
      }
      if (out != null) {
        System.err.println("digest written to " + out);
      }
      return 0;
    }
  }

  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description = "Queue this week's digest and send the outbox now.")
  static final class Send implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--edition", description = "en or ru (default: both)")
    String edition;

    @Option(names = "--intro", paramLabel = "FILE", description = "Editor's introduction (text).")
    Path intro;

    @Option(
        names = "--lease-seconds",
        description = "How long rows of a crashed sender stay claimed (default: ${DEFAULT-VALUE}).",
        defaultValue = "300")
    long leaseSeconds;

    @Override
    public Integer call() throws IOException {
      List<Language> editions =
          edition == null ? List.of(Language.values()) : List.of(edition(edition));
      try (App app = new App(config.load(Map.of()), Clock.systemUTC())) {
        DigestSender sender = app.digestSender(Duration.ofSeconds(leaseSeconds));
        Digests digests = app.digests();
        for (Language lang : editions) {
          digests
              .queue(lang, intro(intro))
              .ifPresentOrElse(
                  q ->
                      System.err.printf(
                          "%s: digest %d, %d subscribers queued%n",
                          lang.code(), q.digestId(), q.added()),
                  () -> System.err.printf("%s: no articles this week, no digest%n", lang.code()));
        }
        DigestSender.Result result;
        long start = System.nanoTime();
        int due = app.outbox().due(System.currentTimeMillis());
        try (ProgressBar bar = new ProgressBar(System.err, "send", due)) {
          result =
              sender.run(r ->
                  bar.advanceTo(
                      r.sent() + r.retrying() + r.failed(),
                      "sent "
                          + r.sent()
                          + ", retrying "
                          + r.retrying()
                          + ", failed "
                          + r.failed()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "done: sent %d, waiting to retry %d, failed %d in %.1f s (%.0f messages/s)%n",
            result.sent(),
            result.retrying(),
            result.failed(),
            seconds,
            result.sent() / Math.max(seconds, 1e-9));
      }
      return 0;
    }
  }
}
