package org.tamizdat.newsletter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP connection to our own server (smtp://, or smtps:// with TLS from the start), reused for
 * many messages and reopened when lost. Not thread-safe: each sending worker has its own.
 *
 * <p>When the server offers PIPELINING (RFC 2920), a message costs one round trip: its MAIL, RCPT
 * and DATA go out together, and the end of its content travels with the next message's commands.
 * Otherwise each command waits for its reply. Each message has one recipient, so a refused RCPT is
 * that message's answer. Replies are read by {@link SmtpReply}.
 */
public final class SmtpSender implements AutoCloseable {
  private static final int CONNECT_MILLIS = 10_000;
  private static final int READ_MILLIS = 30_000;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] END_OF_DATA = ".\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A message and its one recipient. The message may be made when it is needed: a pipelined send
   * asks for it after the commands that precede it went out, so the sending thread renders and
   * signs it while the server answers them.
   */
  public record Envelope(String recipient, Supplier<RawMessage> message) {
    public Envelope(String recipient, RawMessage message) {
      this(recipient, () -> message);
    }
  }

  /** Called before each message goes out (the rate limit). */
  @FunctionalInterface
  public interface Pace {
    void await() throws InterruptedException;
  }

  private final URI url;
  private final String returnPath;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private boolean pipelining;

  public SmtpSender(URI smtpUrl, String returnPath) {
    this.url = smtpUrl;
    this.returnPath = returnPath;
  }

  /** Sends one message to one recipient; the reply says whether the server took it. */
  public SmtpReply send(RawMessage message, String recipient) {
    try {
      return send(List.of(new Envelope(recipient, message)), () -> {}).getFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SmtpReply.noReply(e);
    }
  }

  /**
   * Sends each message; the replies come in the same order. A lost connection answers the messages
   * in flight with a temporary failure (a 4xx, so they are tried again), and the next message opens
   * a new connection; when none can be opened, the rest get that failure too.
   */
  public List<SmtpReply> send(List<Envelope> messages, Pace pace) throws InterruptedException {
    SmtpReply[] replies = new SmtpReply[messages.size()];
    int awaitingEnd = -1; // the message whose content was sent, its reply not yet read
    for (int i = 0; i < messages.size(); i++) {
      pace.await();
      try {
        if (socket == null) {
          connect();
        }
      } catch (IOException e) {
        close();
        for (int j = i; j < replies.length; j++) {
          replies[j] = SmtpReply.noReply(e);
        }
        return List.of(replies);
      }
      Envelope m = messages.get(i);
      try {
        if (pipelining) {
          command("MAIL FROM:<" + returnPath + ">");
          command("RCPT TO:<" + m.recipient() + ">");
          command("DATA");
          out.flush();
          RawMessage message = m.message().get(); // made while the server answers
          if (awaitingEnd >= 0) {
            replies[awaitingEnd] = reply();
            awaitingEnd = -1;
          }
          replies[i] = transaction(reply(), reply(), reply(), message);
        } else {
          replies[i] = lockStep(m);
        }
        if (replies[i] == null) {
          awaitingEnd = i;
          if (!pipelining) {
            out.flush();
            replies[i] = reply();
            awaitingEnd = -1;
          }
        }
        if (replies[i] != null && replies[i].closing()) {
          close();
        }
      } catch (IOException e) {
        close();
        if (awaitingEnd >= 0) {
          replies[awaitingEnd] = SmtpReply.noReply(e);
          awaitingEnd = -1;
        }
        replies[i] = SmtpReply.noReply(e);
      }
    }
    if (awaitingEnd >= 0) {
      try {
        out.flush();
        replies[awaitingEnd] = reply();
      } catch (IOException e) {
        close();
        replies[awaitingEnd] = SmtpReply.noReply(e);
      }
    }
    return List.of(replies);
  }

  /**
   * After the (pipelined) MAIL, RCPT and DATA replies: on 354 writes the content and returns null
   * (its reply comes later), otherwise returns the first refusal and resets the transaction.
   */
  private SmtpReply transaction(SmtpReply mail, SmtpReply rcpt, SmtpReply data, RawMessage message)
      throws IOException {
    SmtpReply refusal = !mail.accepted() ? mail : !rcpt.accepted() ? rcpt : null;
    if (data.goAhead()) {
      if (refusal == null) {
        content(message);
        return null;
      }
      out.write(END_OF_DATA); // a server that took DATA without a recipient: send nothing
      out.flush();
      reply();
      return refusal;
    }
    refusal = refusal == null ? data : refusal;
    if (mail.accepted() && !refusal.closing()) {
      command("RSET");
      out.flush();
      reply();
    }
    return refusal;
  }

  /** Without pipelining: each command waits for its reply; null when the content went out. */
  private SmtpReply lockStep(Envelope m) throws IOException {
    RawMessage message = m.message().get();
    command("MAIL FROM:<" + returnPath + ">");
    out.flush();
    SmtpReply mail = reply();
    if (!mail.accepted()) {
      return mail;
    }
    command("RCPT TO:<" + m.recipient() + ">");
    out.flush();
    SmtpReply rcpt = reply();
    if (!rcpt.accepted()) {
      return transaction(mail, rcpt, new SmtpReply(503, "no DATA sent"), message);
    }
    command("DATA");
    out.flush();
    return transaction(mail, rcpt, reply(), message);
  }

  private void connect() throws IOException {
    int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("smtps") ? 465 : 25;
    Socket s;
    if (url.getScheme().equals("smtps")) {
      SSLSocket tls = (SSLSocket) SSLSocketFactory.getDefault().createSocket();
      SSLParameters params = tls.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
      tls.setSSLParameters(params);
      s = tls;
    } else {
      s = new Socket();
    }
    socket = s;
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(url.getHost(), port), CONNECT_MILLIS);
    s.setSoTimeout(READ_MILLIS);
    in = new BufferedInputStream(s.getInputStream(), 8192);
    out = new BufferedOutputStream(s.getOutputStream(), 65536);
    expect(reply(), "greeting");
    String me = s.getLocalAddress().getHostAddress();
    command("EHLO [" + (s.getLocalAddress() instanceof Inet6Address ? "IPv6:" : "") + me + "]");
    out.flush();
    SmtpReply ehlo = reply();
    if (ehlo.accepted()) {
      pipelining = ehlo.mentions("PIPELINING");
    } else {
      command("HELO [" + me + "]");
      out.flush();
      expect(reply(), "HELO");
      pipelining = false;
    }
  }

  private static void expect(SmtpReply reply, String what) throws IOException {
    if (!reply.accepted()) {
      throw new IOException("SMTP " + what + " refused: " + reply.code() + " " + reply.text());
    }
  }

  private void command(String line) throws IOException {
    out.write(line.getBytes(StandardCharsets.US_ASCII));
    out.write(CRLF);
  }

  private SmtpReply reply() throws IOException {
    return SmtpReply.read(in);
  }

  /** The message, dot-stuffed (RFC 5321 4.5.2), ending in CRLF, then the lone dot. */
  private void content(RawMessage message) throws IOException {
    byte[] header = message.header();
    byte[] body = message.body();
    boolean lineStart = stuffed(header, true);
    if (!lineStart) {
      out.write(CRLF);
    }
    out.write(CRLF);
    if (!stuffed(body, true)) {
      out.write(CRLF);
    }
    out.write(END_OF_DATA);
  }

  /**
   * Writes {@code bytes} with a dot before each line's leading dot; true when a line ended last.
   */
  private boolean stuffed(byte[] bytes, boolean lineStart) throws IOException {
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (lineStart && bytes[i] == '.') {
        out.write(bytes, from, i - from);
        out.write('.');
        from = i;
      }
      lineStart = bytes[i] == '\n';
    }
    out.write(bytes, from, bytes.length - from);
    return lineStart;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        if (out != null) {
          command("QUIT");
          out.flush();
        }
      } catch (IOException e) {
        // The connection is gone either way.
      }
      try {
        socket.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
