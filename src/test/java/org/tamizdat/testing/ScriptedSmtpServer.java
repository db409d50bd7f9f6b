package org.tamizdat.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback whose replies a test chooses by recipient: local parts starting
 * with {@code temp} get 451 (try later), {@code perm} get 550 (no such user), others are accepted.
 * GreenMail accepts everything, so it cannot show our handling of refusals.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<String> messageIds = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger pipelined = new AtomicInteger();
  private final boolean pipelining;

  /** A server without PIPELINING: clients must wait for each reply. */
  public ScriptedSmtpServer() throws IOException {
    this(false);
  }

  /** {@code pipelining}: whether EHLO offers PIPELINING (RFC 2920). */
  public ScriptedSmtpServer(boolean pipelining) throws IOException {
    this.pipelining = pipelining;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  /**
   * MAIL commands that arrived with the next command already behind them, before their reply went
   * out: the client pipelined.
   */
  public int pipelinedCommands() {
    return pipelined.get();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Recipients of accepted messages, in order. */
  public List<String> delivered() {
    return delivered;
  }

  /** Message-IDs of accepted messages, in the order of {@link #delivered()}. */
  public List<String> messageIds() {
    return messageIds;
  }

  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
      reply(out, "220 scripted ESMTP");
      String recipient = null;
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO" -> reply(out, pipelining ? "250-scripted\r\n250 PIPELINING" : "250 scripted");
          case "HELO" -> reply(out, "250 scripted");
          case "MAIL" -> {
            if (in.ready()) {
              pipelined.incrementAndGet();
            }
            recipient = null;
            reply(out, "250 ok");
          }
          case "RCPT" -> {
            String to = line.replaceAll("(?i).*<(.*)>.*", "$1");
            boolean refused = to.startsWith("temp") || to.startsWith("perm");
            recipient = refused ? recipient : to;
            reply(
                out,
                to.startsWith("temp")
                    ? "451 4.3.0 try again later"
                    : to.startsWith("perm") ? "550 5.1.1 no such user" : "250 ok");
          }
          case "DATA" -> {
            if (recipient == null) {
              reply(out, "554 5.5.1 no valid recipients");
              continue;
            }
            reply(out, "354 go ahead");
            String messageId = "";
            while (!(line = in.readLine()).equals(".")) {
              if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
              }
            }
            // Recorded before the reply, as a real server queues before it answers: a client
            // killed now never learns that the message went out.
            messageIds.add(messageId);
            delivered.add(recipient);
            recipient = null;
            reply(out, "250 queued");
          }
          case "RSET" -> {
            recipient = null;
            reply(out, "250 ok");
          }
          case "NOOP" -> reply(out, "250 ok");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException | NullPointerException e) {
      // the client went away
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
