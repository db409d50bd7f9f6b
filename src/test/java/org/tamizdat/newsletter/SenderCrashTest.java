package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.testing.ScriptedSmtpServer;
import org.tamizdat.testing.TestDatabase;

/**
 * The sender in its own JVM is killed with SIGKILL in the middle of a send and started again: every
 * subscriber gets the digest, only the killed batch may get it twice, with one Message-ID.
 */
class SenderCrashTest extends DigestTestBase {
  static final int SUBSCRIBERS = 3000;
  static final long CLAIM_MILLIS = 2000;
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }

  @Test
  void aKilledSenderLosesNothingAndRepeatsAtMostItsBatch() throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(2)));
    database.write(h -> {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        EmailAddress email = EmailAddress.parse("r" + i + "@example.org").address().orElseThrow();
        long id = subscribers.insertPending(h, email, Language.EN, clock.millis());
        subscribers.changeState(h, id, SubscriberState.ACTIVE, "test", clock.millis(), Language.EN);
      }
      return null;
    });
    long digest = digests.queue(Language.EN, Optional.empty()).orElseThrow().digestId();
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      Process first = start(smtp.port());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      // Not on a batch boundary, so the kill most likely lands inside a batch.
      while (smtp.delivered().size() < SUBSCRIBERS / 3 + 17 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
      first.waitFor();
      int beforeKill = smtp.delivered().size();
      assertTrue(beforeKill > 0 && beforeKill < SUBSCRIBERS, "killed mid-send at " + beforeKill);
      Process second = start(smtp.port());
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the restarted sender finished");
      assertEquals(0, second.exitValue());
      List<String> delivered = List.copyOf(smtp.delivered());
      Map<String, Set<String>> idsByRecipient = new HashMap<>();
      for (int i = 0; i < delivered.size(); i++) {
        idsByRecipient
            .computeIfAbsent(delivered.get(i), r -> new HashSet<>())
            .add(smtp.messageIds().get(i));
      }
      assertEquals(SUBSCRIBERS, idsByRecipient.size(), "every subscriber got the digest");
      int duplicates = delivered.size() - SUBSCRIBERS;
      assertTrue(duplicates <= DigestSender.BATCH, duplicates + " sent twice");
      idsByRecipient.values().forEach(ids -> assertEquals(1, ids.size(), "one Message-ID: " + ids));
      System.err.printf(
          "crash test: killed after %d messages, %d sent twice%n", beforeKill, duplicates);
    }
    assertEquals(Map.of("sent", SUBSCRIBERS), outbox.counts(digest));
  }

  private Process start(int smtpPort) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashingSender.class.getName(),
            testDatabase.url(),
            String.valueOf(smtpPort),
            String.valueOf(CLAIM_MILLIS))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
