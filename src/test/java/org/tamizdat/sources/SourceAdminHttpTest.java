package org.tamizdat.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tamizdat.admin.AuditLog;
import org.tamizdat.admin.Role;
import org.tamizdat.article.Status;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.TestApp;

/** The source screens over HTTP, as each role meets them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceAdminHttpTest {
  static final String REAL_NAME = "Тимофей Грачёв";
  static final String PHONE = "+7 903 555-12-34";
  static final List<String> SECRETS =
      List.of(
          "Грачёв", "Грачев", "Grachev", "555-12-34", "5551234", "grach_t", "Gave us the payroll");
  private static final Pattern LOCATION = Pattern.compile("/admin/sources/(\\d+)");

  Path dir;
  TestApp site;
  AdminClient author;
  AdminClient editor;
  AdminClient translator;
  long sourceId;
  final PrintStream originalErr = System.err;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("tamizdat-source-admin");
    KeyFile.generate(dir.resolve("sources.key"), new SecureRandom());
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    site = TestApp.start(dir, Map.of());
    author = AdminLogin.as(site, Role.AUTHOR);
    editor = AdminLogin.as(site, Role.EDITOR);
    translator = AdminLogin.as(site, Role.TRANSLATOR);
    HttpResponse<String> created =
        author.post(
            "/admin/sources/new",
            Map.of(
                "pseudonym",
                "Timofei, name changed",
                "real_name",
                REAL_NAME,
                "contacts",
                PHONE + "\n@grach_t",
                "notes",
                "Gave us the payroll."));
    assertEquals(303, created.statusCode(), created.body());
    Matcher m = LOCATION.matcher(created.headers().firstValue("Location").orElseThrow());
    assertTrue(m.matches());
    sourceId = Long.parseLong(m.group(1));
  }

  @AfterAll
  void stop() {
    System.setErr(originalErr);
    if (site != null) {
      site.close();
    }
  }

  @Test
  void theOwnerSeesPseudonymsOnlyAndCannotReveal() {
    String list = author.get("/admin/sources").body();
    assertTrue(list.contains("Timofei, name changed"), list);
    String page = author.get("/admin/sources/" + sourceId).body();
    assertTrue(page.contains("Timofei, name changed"));
    assertNoSecret("the owner's source page", page);
    assertFalse(page.contains("/reveal\""), "no reveal button for an author");
    HttpResponse<String> reveal = author.post("/admin/sources/" + sourceId + "/reveal", Map.of());
    assertEquals(403, reveal.statusCode());
    assertNoSecret("a refused reveal", reveal.body());
  }

  @Test
  void translatorsAndOtherAuthorsGetNothing() {
    assertEquals(403, translator.get("/admin/sources").statusCode());
    assertEquals(403, translator.get("/admin/sources/" + sourceId).statusCode());
    HttpResponse<String> reveal =
        translator.post("/admin/sources/" + sourceId + "/reveal", Map.of());
    assertEquals(403, reveal.statusCode());
    assertNoSecret("a translator's reveal", reveal.body());
    AdminClient otherAuthor = AdminLogin.as(site, Role.AUTHOR);
    assertFalse(otherAuthor.get("/admin/sources").body().contains("Timofei"));
    assertEquals(403, otherAuthor.get("/admin/sources/" + sourceId).statusCode());
    assertEquals(
        403,
        otherAuthor
            .post("/admin/sources/" + sourceId, Map.of("pseudonym", "hijacked", "real_name", "x"))
            .statusCode());
    assertEquals(
        403, otherAuthor.post("/admin/sources/" + sourceId + "/reveal", Map.of()).statusCode());
    // Without the session's CSRF token even an editor's reveal is refused.
    HttpResponse<String> forged =
        editor.postRaw("/admin/sources/" + sourceId + "/reveal", "csrf=forged");
    assertEquals(403, forged.statusCode());
    assertNoSecret("a forged reveal", forged.body());
  }

  @Test
  void anEditorsRevealIsAuditedAndShownToTheOwner() {
    HttpResponse<String> reveal = editor.post("/admin/sources/" + sourceId + "/reveal", Map.of());
    assertEquals(200, reveal.statusCode(), reveal.body());
    assertTrue(reveal.body().contains(REAL_NAME), reveal.body());
    assertTrue(reveal.body().contains("@grach_t"));
    assertEquals("no-store", reveal.headers().firstValue("Cache-Control").orElseThrow());
    List<AuditLog.Entry> entries = site.app().admin().audit().page(0, 100);
    AuditLog.Entry entry =
        entries.stream()
            .filter(e -> e.action().equals("source.reveal"))
            .filter(e -> e.objectId().equals(String.valueOf(sourceId)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no audit row: " + entries));
    assertEquals(editor.email(), entry.actorEmail());
    assertEquals("source", entry.objectType());
    entries.forEach(e -> assertNoSecret("audit row " + e.id(), e.toString()));

    String ownerPage = author.get("/admin/sources/" + sourceId).body();
    assertTrue(ownerPage.contains("Revealed by " + editor.email()), ownerPage);
    assertTrue(author.get("/admin/sources").body().contains("revealed by " + editor.email()));
    // The editor, not the owner, sees no reveal list.
    assertFalse(editor.get("/admin/sources/" + sourceId).body().contains("Revealed by"));
  }

  @Test
  void blockedLinkAndCheckShowWhereTheTextNamesTheSource() {
    var writer = site.app().articleWriter();
    long published =
        writer.save(
            SourcesContract.article(
                "payroll-leak",
                "The payroll",
                "Тимофея Грачёва уволили после разговора с нами.",
                Status.PUBLISHED,
                SourcesContract.hourAgo()));
    HttpResponse<String> link =
        editor.post(
            "/admin/sources/" + sourceId + "/link", Map.of("article", String.valueOf(published)));
    assertEquals(409, link.statusCode(), link.body());
    assertTrue(link.body().contains("Where the text names a protected source"), link.body());
    assertTrue(link.body().contains("<td>body</td>"), link.body());
    assertTrue(link.body().contains("Тимофея Грачёва уволили"), link.body());
    assertEquals(List.of(), site.app().sources().linkedTo(published));
    // Taken down again so the public pages checked elsewhere hold no secret.
    writer.save(
        SourcesContract.article("payroll-leak", "The payroll", "Withdrawn.", Status.DRAFT, null));

    long draft =
        writer.save(
            SourcesContract.article(
                "payroll-draft",
                "Payroll draft",
                "Call him on 8 903 555 12 34.",
                Status.DRAFT,
                null));
    assertEquals(
        303,
        author
            .post("/admin/sources/" + sourceId + "/link", Map.of("article", String.valueOf(draft)))
            .statusCode());
    String check = author.get("/admin/sources/check/" + draft).body();
    assertTrue(check.contains("<td>body</td>") && check.contains("8 903 555 12 34"), check);
    assertEquals(
        403,
        author
            .post(
                "/admin/sources/" + sourceId + "/unlink", Map.of("article", String.valueOf(draft)))
            .statusCode());
    assertEquals(
        303,
        editor
            .post(
                "/admin/sources/" + sourceId + "/unlink", Map.of("article", String.valueOf(draft)))
            .statusCode());
    assertEquals(List.of(), site.app().sources().linkedTo(draft));
  }

  @Test
  void secretsNeverReachPublicPagesFeedsSearchOrLogs() {
    editor.post("/admin/sources/" + sourceId + "/reveal", Map.of());
    for (String path :
        List.of(
            "/en/",
            "/ru/",
            "/en/feed.atom",
            "/ru/feed.rss",
            "/en/feed.json",
            "/sitemap.xml",
            "/sitemaps/news.xml",
            "/en/search?q=payroll",
            "/admin/login")) {
      assertNoSecret(path, site.get(path).body());
    }
    assertNoSecret("the log", log.toString(StandardCharsets.UTF_8));
  }

  static void assertNoSecret(String where, String text) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), where + " contains " + secret);
    }
  }
}
