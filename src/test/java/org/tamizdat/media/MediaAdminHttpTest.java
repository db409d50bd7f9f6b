package org.tamizdat.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.halves;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.AuditLog;
import org.tamizdat.admin.Role;
import org.tamizdat.admin.SessionCookie;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.TestApp;

/** /admin/media through real HTTP: upload through the form, then every public size is clean. */
class MediaAdminHttpTest {
  private static final String BOUNDARY = "----tamizdat-test-boundary";
  private static final Pattern FILES = Pattern.compile("<a href=\"/media/([0-9a-f]{24}[^\"]*)\">");

  @TempDir static Path dir;
  static TestApp site;
  static AdminClient author;
  static final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() {
    site = TestApp.start(dir, Map.of("MEDIA_MAX_MB", "1"));
    author = AdminLogin.as(site, Role.AUTHOR);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void aJpegWithGpsUploadedThroughTheFormIsServedCleanInEverySize() {
    HttpResponse<String> form = author.get("/admin/media");
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("enctype=\"multipart/form-data\""), form.body());
    byte[] photo = ImageFixtures.jpegWithEverything(halves(2000, 1000), 6);

    HttpResponse<String> uploaded =
        upload(
            author.sessionId(), author.csrf(), "IMG_2041.jpg", photo, "Flooded square", "Anna K.");

    assertEquals(303, uploaded.statusCode(), uploaded.body());
    String location = uploaded.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches("/admin/media/[0-9]+"), location);
    HttpResponse<String> page = author.get(location);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("value=\"Flooded square\""), page.body());
    List<String> files = new ArrayList<>();
    Matcher m = FILES.matcher(page.body());
    while (m.find()) {
      files.add(m.group(1));
    }
    assertEquals(
        3, files.size(), "480, 960 and the original, turned upright (1000 wide): " + files);
    for (String file : files) {
      HttpResponse<byte[]> image = site.getBytes("/media/" + file);
      assertEquals(200, image.statusCode(), file);
      assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
      ImageIngestTest.assertNoMetadata(file, image.body());
    }
    assertTrue(page.body().contains("<td>1000×2000</td>"), "stored upright: " + page.body());
    assertFalse(page.body().contains("IMG_2041"), "the uploader's file name is not kept");
    AuditLog.Entry last = site.app().admin().audit().page(0, 1).getFirst();
    assertEquals("media.upload", last.action());
  }

  @Test
  void aTextFileNamedLikeAnImageIsRefusedOnTheForm() {
    long before = site.app().media().repository().count();
    author.get("/admin/media");
    HttpResponse<String> response =
        upload(
            author.sessionId(),
            author.csrf(),
            "photo.png",
            "not an image at all".getBytes(StandardCharsets.UTF_8),
            "kept alt",
            "");
    assertEquals(422, response.statusCode());
    assertTrue(response.body().contains("is not a JPEG, PNG or WebP image"), response.body());
    assertTrue(response.body().contains("value=\"kept alt\""), "what was typed is kept");
    assertEquals(before, site.app().media().repository().count());
  }

  @Test
  void tooLargeUploadsAreRefused() throws IOException {
    author.get("/admin/media");
    byte[] png = ImageFixtures.plainPng(halves(20, 20));
    byte[] padded = java.util.Arrays.copyOf(png, 1024 * 1024 + 1000);
    HttpResponse<String> overLimit =
        upload(author.sessionId(), author.csrf(), "big.png", padded, "", "");
    assertEquals(422, overLimit.statusCode());
    assertTrue(overLimit.body().contains("larger than the limit of 1 MB"), overLimit.body());

    // A declared length over the route's limit is answered before a byte of the body is read.
    assertTrue(headOfUpload(2 * 1024 * 1024).startsWith("HTTP/1.1 413"));
  }

  /**
   * The status line and headers of an upload whose body is never sent: the answers that come before
   * the body is read, checked without a client racing to write a body the server refused.
   */
  static String headOfUpload(int contentLength) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", site.app().port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("POST /admin/media HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Content-Type: multipart/form-data; boundary="
                      + BOUNDARY
                      + "\r\nContent-Length: "
                      + contentLength
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      java.io.InputStream in = socket.getInputStream();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      return head.toString();
    }
  }

  @Test
  void uploadsNeedASessionAndTheFormsToken() {
    long before = site.app().media().repository().count();
    byte[] photo = ImageFixtures.plainJpeg(halves(100, 100));
    assertEquals(401, upload(null, "x", "a.jpg", photo, "", "").statusCode());
    assertEquals(403, upload(author.sessionId(), "forged", "a.jpg", photo, "", "").statusCode());
    assertEquals(
        303, site.get("/admin/media").statusCode(), "a reader without a session goes to login");
    assertEquals(before, site.app().media().repository().count());
  }

  @Test
  void altTextCaptionAndCreditAreEditable() {
    StoredMedia media =
        site.app()
            .media()
            .ingest(ImageFixtures.plainPng(halves(64, 32)), "e.png", MediaText.none(), null);
    assertTrue(author.get("/admin/media").body().contains("no alt text"));
    HttpResponse<String> saved =
        author.post(
            "/admin/media/" + media.id(),
            Map.of(
                "alt", "A chart of bread prices", "caption", "Prices rose", "credit", "Lantern"));
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals(
        "A chart of bread prices",
        site.app().media().repository().find(media.id()).orElseThrow().altText());
    assertTrue(author.get("/admin/media/" + media.id() + "?saved=1").body().contains("Saved."));
    HttpResponse<String> tooLong =
        author.post("/admin/media/" + media.id(), Map.of("alt", "x".repeat(1001)));
    assertEquals(422, tooLong.statusCode());
    assertEquals(404, author.get("/admin/media/999999").statusCode());
  }

  @Test
  void onlyTwoLargeBodiesAreReadAtOnce() throws Exception {
    // Two anonymous clients start uploads and stall: their bodies are being read, nothing else.
    List<java.net.Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", site.app().port());
        socket
            .getOutputStream()
            .write(
                ("POST /admin/media HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: multipart/form-data; boundary="
                        + BOUNDARY
                        + "\r\nContent-Length: 900000\r\n\r\n--"
                        + BOUNDARY)
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }
      Thread.sleep(300);
      String third = headOfUpload(1000);
      assertTrue(third.startsWith("HTTP/1.1 503"), third);
      assertTrue(third.toLowerCase(java.util.Locale.ROOT).contains("retry-after: 60"), third);
      assertEquals(200, site.get("/en/").statusCode(), "reading the site is not affected");
    } finally {
      for (java.net.Socket socket : stalled) {
        socket.close();
      }
    }
    // Dropped connections give their place back.
    byte[] photo = ImageFixtures.plainJpeg(halves(120, 100));
    HttpResponse<String> after = null;
    for (int i = 0; i < 50; i++) {
      author.get("/admin/media");
      after = upload(author.sessionId(), author.csrf(), "b.jpg", photo, "", "");
      if (after.statusCode() != 503) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(303, after.statusCode());
  }

  static HttpResponse<String> upload(
      String session, String csrf, String fileName, byte[] file, String alt, String credit) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, "csrf", csrf);
    field(body, "alt", alt);
    field(body, "caption", "");
    field(body, "credit", credit);
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site.baseUrl() + "/admin/media"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (session != null) {
      request.header("Cookie", SessionCookie.NAME + "=" + session);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void field(ByteArrayOutputStream body, String name, String value) {
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }
}
