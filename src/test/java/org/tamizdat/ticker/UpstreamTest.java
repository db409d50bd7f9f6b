package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.testing.FixtureServer;
import org.tamizdat.testing.FixtureServer.Reply;

/** The HTTP side against a real local server: time-outs, the cap, retries, the User-Agent. */
class UpstreamTest {
  static final Upstream.Limits FAST =
      new Upstream.Limits(
          Duration.ofSeconds(1), Duration.ofMillis(500), 64 * 1024, 3, Duration.ofMillis(10));
  static final byte[] DAILY = FixtureServer.resource("ticker/cbr/daily.xml");

  final FixtureServer server = new FixtureServer();
  final Upstream upstream = new Upstream(FAST);
  final URI uri = URI.create(server.url("/rates"));

  @AfterEach
  void stop() {
    server.close();
  }

  String problem(Reply reply) {
    server.serve("/rates", reply);
    return assertThrows(UpstreamProblem.class, () -> upstream.get(uri)).reason();
  }

  @Test
  void returnsTheBodyAndNamesTheProject() throws Exception {
    server.serve("/rates", Reply.file("cbr/daily.xml"));
    assertArrayEquals(DAILY, upstream.get(uri));
    assertEquals(
        Upstream.USER_AGENT, server.requests().get(0).getRequestHeaders().getFirst("User-Agent"));
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenReported() {
    assertEquals("HTTP 503 after 3 attempts", problem(Reply.status(503)));
    assertEquals(3, server.hits("/rates"));
  }

  @Test
  void aPassingHiccupIsRetriedAway() throws Exception {
    server.serve("/rates", Reply.inTurn(Reply.status(502), Reply.file("cbr/daily.xml")));
    assertArrayEquals(DAILY, upstream.get(uri));
    assertEquals(2, server.hits("/rates"));
  }

  @Test
  void clientErrorsAreNotRetried() {
    assertEquals("HTTP 404", problem(Reply.status(404)));
    assertEquals(1, server.hits("/rates"));
  }

  @Test
  void aServerThatHangsTimesOut() {
    assertEquals(
        "no complete answer within 500 ms after 3 attempts",
        problem(Reply.after(Duration.ofSeconds(3), Reply.file("cbr/daily.xml"))));
  }

  @Test
  void aSlowTrickleTimesOutAsAWhole() {
    // 925 bytes, 5 ms apart: each byte is quick, the whole would take over 4 s.
    assertEquals(
        "no complete answer within 500 ms after 3 attempts",
        problem(Reply.trickle(DAILY, Duration.ofMillis(5))));
  }

  @Test
  void aBodyOverTheCapIsCutOffWithOrWithoutALength() {
    assertEquals("body over the 64 KiB cap", problem(Reply.huge(1024 * 1024, true)));
    assertEquals("body over the 64 KiB cap", problem(Reply.huge(1024 * 1024, false)));
    assertEquals(2, server.hits("/rates"), "not retried");
  }

  @Test
  void aClosedPortIsReportedAsSuch() {
    FixtureServer gone = new FixtureServer();
    URI closed = URI.create(gone.url("/rates"));
    gone.close();
    String reason = assertThrows(UpstreamProblem.class, () -> upstream.get(closed)).reason();
    assertEquals("cannot connect to 127.0.0.1:" + closed.getPort() + " after 3 attempts", reason);
  }
}
