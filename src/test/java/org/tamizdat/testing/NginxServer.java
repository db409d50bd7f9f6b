package org.tamizdat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's nginx serving a directory with the repository's own configuration for exports ({@code
 * deploy/nginx/tamizdat-export.conf}) on a loopback port, as a throw-away process.
 */
public final class NginxServer implements AutoCloseable {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Path SITE_CONF = Path.of("deploy/nginx/tamizdat-export.conf");

  private final Process process;
  private final int port;
  private final Path work;

  private NginxServer(Process process, int port, Path work) {
    this.process = process;
    this.port = port;
    this.work = work;
  }

  /** Skips the calling test, loudly, where nginx is not installed. */
  public static void requireInstalled() {
    if (!Files.isExecutable(NGINX)) {
      Skips.skipLoudly("the export is served with " + NGINX + "; run `apt-get install nginx`");
    }
  }

  public static NginxServer serve(Path root, int port, Path work) {
    requireInstalled();
    try {
      Files.createDirectories(work);
      String site =
          Files.readString(SITE_CONF)
              .replace("@LISTEN@", "127.0.0.1:" + port)
              .replace("@ROOT@", root.toAbsolutePath().toString());
      Files.writeString(work.resolve("site.conf"), site);
      String temp = work.toAbsolutePath().toString();
      // Tests run as root in CI: workers must be able to read the temporary directories.
      String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
      String conf =
          user
              + "daemon off;\nworker_processes 1;\npid "
              + temp
              + "/nginx.pid;\nerror_log "
              + temp
              + "/error.log warn;\nevents { worker_connections 64; }\nhttp {\n"
              + "  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
              + "  access_log off;\n"
              + List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi").stream()
                  .map(t -> "  " + t + "_temp_path " + temp + "/" + t + ";\n")
                  .reduce("", String::concat)
              + "  include "
              + temp
              + "/site.conf;\n}\n";
      Path confFile = work.resolve("nginx.conf");
      Files.writeString(confFile, conf);
      Process process =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-e",
                  temp + "/error.log",
                  "-p",
                  temp,
                  "-c",
                  confFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("stdout.log").toFile())
              .start();
      NginxServer server = new NginxServer(process, port, work);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited: " + Files.readString(work.resolve("error.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port);
  }

  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
