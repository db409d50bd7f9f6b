package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.EditorialArticle;
import org.tamizdat.admin.editorial.WorkflowState;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * The editorial screens over real HTTP, per role: what each may do, and that a direct POST meets
 * the same rule as the form.
 */
class EditorialScreensTest {
  @TempDir static Path dir;
  static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  static TestApp app;
  static AdminClient admin;
  static AdminClient editor;
  static AdminClient author;
  static AdminClient translator;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir, TestDatabase.sqlite(dir), Map.of(), clock);
    admin = AdminLogin.as(app, Role.ADMIN);
    editor = AdminLogin.as(app, Role.EDITOR);
    author = AdminLogin.as(app, Role.AUTHOR);
    translator = AdminLogin.as(app, Role.TRANSLATOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Map<String, String> fields(String slug, String title, String body) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("lang", "en");
    f.put("kicker", "Probe");
    f.put("title", title);
    f.put("dek", "A dek.");
    f.put("body", body);
    f.put("slug", slug);
    f.put("section", "culture");
    f.put("authors", "gleb-sarmatov");
    f.put("tags", "Probes, Tests");
    f.put("lead_image", "");
    f.put("lead_caption", "");
    return f;
  }

  /** Creates a draft through the form as {@code who}; returns its id. */
  static long create(AdminClient who, String slug, String title) {
    HttpResponse<String> created =
        who.post("/admin/articles/new", fields(slug, title, "Body of " + title + "."));
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches("/admin/articles/[0-9]+"), location);
    return Long.parseLong(location.substring("/admin/articles/".length()));
  }

  static EditorialArticle article(long id) {
    return app.app().editorial().editorial().find(id).orElseThrow();
  }

  /** The form's fields for a save of the article as it is now, with {@code changes}. */
  static Map<String, String> current(long id, Map<String, String> changes) {
    EditorialArticle a = article(id);
    Map<String, String> f =
        fields(a.content().slug(), a.content().title(), a.content().bodyMarkdown());
    f.put("lang", a.content().lang().code());
    f.put("revision", String.valueOf(a.revision()));
    f.putAll(changes);
    return f;
  }

  static String publicPath(long id) {
    EditorialArticle a = article(id);
    var day = a.content().publishedAt().atZone(java.time.ZoneId.of("Europe/Riga")).toLocalDate();
    return String.format(
        "/%s/%d/%02d/%02d/%s",
        a.content().lang().code(),
        day.getYear(),
        day.getMonthValue(),
        day.getDayOfMonth(),
        a.content().slug());
  }

  @Test
  void anEditorWritesPreviewsPublishesAndUnpublishes() {
    HttpResponse<String> form = editor.get("/admin/articles/new?lang=en");
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("name=\"body\""));
    long id = create(editor, "screens-probe", "Screens probe");
    HttpResponse<String> edit = editor.get("/admin/articles/" + id);
    assertEquals(200, edit.statusCode());
    assertTrue(edit.body().contains("Body of Screens probe."));
    assertEquals("no-store", edit.headers().firstValue("Cache-Control").orElseThrow());

    Map<String, String> preview = current(id, Map.of("title", "Screens probe, previewed"));
    preview.put("id", String.valueOf(id));
    HttpResponse<String> shown = editor.post("/admin/articles/preview", preview);
    assertEquals(200, shown.statusCode());
    assertTrue(shown.body().contains("Screens probe, previewed"));
    assertTrue(shown.body().contains("class=\"site-header") || shown.body().contains("<header"));
    assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("Screens probe", article(id).content().title(), "a preview saves nothing");

    HttpResponse<String> published =
        editor.post(
            "/admin/articles/" + id + "/publish", current(id, Map.of("dek", "Now public.")));
    assertEquals(303, published.statusCode(), published.body());
    assertEquals(WorkflowState.PUBLISHED, article(id).state());
    assertTrue(
        app.app().admin().audit().page(0, 50).stream()
            .anyMatch(e ->
                e.action().equals("article.publish")
                    && e.objectId().equals(String.valueOf(id))
                    && e.actorEmail().equals(editor.email())),
        "audited with who and what");
    HttpResponse<String> page = app.get(publicPath(id));
    assertEquals(200, page.statusCode());
    assertTrue(
        editor.get("/admin/articles/" + id).body().contains("href=\"" + publicPath(id) + "\""));
    assertTrue(page.body().contains("Now public."));

    assertEquals(303, editor.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode());
    assertEquals(404, app.get(publicPath(id)).statusCode(), "the cached page is gone too");
  }

  @Test
  void anAuthorEditsOwnDraftsSubmitsAndCannotPublish() {
    long own = create(author, "author-probe", "Author probe");
    assertEquals(author.staff().id(), article(own).ownerId());
    HttpResponse<String> publish =
        author.post("/admin/articles/" + own + "/publish", current(own, Map.of()));
    assertEquals(403, publish.statusCode());
    HttpResponse<String> schedule =
        author.post(
            "/admin/articles/" + own + "/schedule",
            current(own, Map.of("publish_at", "2030-01-01T10:00", "zone", "UTC")));
    assertEquals(403, schedule.statusCode());
    assertEquals(WorkflowState.DRAFT, article(own).state());
    assertFalse(author.get("/admin/articles/" + own).body().contains("Save and publish now"));

    assertEquals(
        303,
        author
            .post(
                "/admin/articles/" + own + "/save", current(own, Map.of("title", "Author probe 2")))
            .statusCode());
    assertEquals("Author probe 2", article(own).content().title());
    assertEquals(
        303,
        author.post("/admin/articles/" + own + "/submit", current(own, Map.of())).statusCode());
    assertEquals(WorkflowState.IN_REVIEW, article(own).state());
    assertEquals(
        403,
        author
            .post("/admin/articles/" + own + "/save", current(own, Map.of("title", "After submit")))
            .statusCode(),
        "a submitted draft is the editors' now");

    long editors = create(editor, "editors-probe", "Editor's probe");
    assertEquals(
        403,
        author
            .post(
                "/admin/articles/" + editors + "/save",
                current(editors, Map.of("title", "Hijacked")))
            .statusCode());
    assertEquals("Editor's probe", article(editors).content().title());
    editor.post("/admin/articles/" + editors + "/publish", current(editors, Map.of()));
    assertEquals(
        403, author.post("/admin/articles/" + editors + "/unpublish", Map.of()).statusCode());
    assertEquals(
        403, author.post("/admin/articles/" + editors + "/translate", Map.of()).statusCode());
    assertEquals(
        403,
        author.post("/admin/articles/" + editors + "/revisions/1/restore", Map.of()).statusCode());
    assertEquals(WorkflowState.PUBLISHED, article(editors).state());
  }

  @Test
  void aTranslatorCreatesAndEditsTranslationsOnly() {
    long original = create(editor, "translated-probe", "Translated probe");
    editor.post("/admin/articles/" + original + "/publish", current(original, Map.of()));
    HttpResponse<String> made =
        translator.post("/admin/articles/" + original + "/translate", Map.of());
    assertEquals(303, made.statusCode(), made.body());
    long ru =
        Long.parseLong(
            made.headers()
                .firstValue("Location")
                .orElseThrow()
                .substring("/admin/articles/".length()));
    assertEquals("ru", article(ru).content().lang().code());
    assertEquals(
        article(original).content().translationGroup(), article(ru).content().translationGroup());

    Map<String, String> translated =
        current(ru, Map.of("title", "Переведённая проба", "tags", "Пробы"));
    assertEquals(303, translator.post("/admin/articles/" + ru + "/save", translated).statusCode());
    assertEquals("Переведённая проба", article(ru).content().title());
    assertEquals(
        403,
        translator.post("/admin/articles/" + ru + "/publish", current(ru, Map.of())).statusCode());
    assertEquals(
        403,
        translator
            .post("/admin/articles/" + original + "/save", current(original, Map.of("title", "x")))
            .statusCode(),
        "the original is not a translation");
    assertEquals(
        303,
        translator.post("/admin/articles/" + ru + "/submit", current(ru, Map.of())).statusCode());
    assertEquals(
        409,
        translator.post("/admin/articles/" + original + "/translate", Map.of()).statusCode(),
        "one version per edition");
  }

  @Test
  void aRefusedSaveShowsWhatWasTypedAndWhy() {
    long id = create(editor, "refused-probe", "Refused probe");
    String typed = "A long paragraph the editor must not lose. <script>alert(1)</script>";
    HttpResponse<String> refused =
        editor.post(
            "/admin/articles/" + id + "/save",
            current(id, Map.of("body", typed, "section", "no-such-section")));
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("no-such-section"), "names the problem");
    assertTrue(
        refused.body().contains("A long paragraph the editor must not lose. &lt;script&gt;"),
        "keeps the text, escaped");
    assertEquals("Body of Refused probe.", article(id).content().bodyMarkdown());

    Map<String, String> stale = current(id, Map.of("title", "First editor"));
    Map<String, String> alsoStale =
        current(id, Map.of("title", "Second editor", "body", "Second editor's text."));
    assertEquals(303, editor.post("/admin/articles/" + id + "/save", stale).statusCode());
    HttpResponse<String> conflict = admin.post("/admin/articles/" + id + "/save", alsoStale);
    assertEquals(409, conflict.statusCode());
    assertTrue(
        conflict.body().contains("Second editor&#39;s text.")
            || conflict.body().contains("Second editor's text."));
    assertEquals("First editor", article(id).content().title());

    for (String image :
        new String[] {"../../etc/passwd", "/etc/passwd", "https://tracker.example/x.png"}) {
      assertEquals(
          422,
          editor
              .post("/admin/articles/" + id + "/save", current(id, Map.of("lead_image", image)))
              .statusCode(),
          image);
    }
    assertEquals(
        303,
        editor
            .post(
                "/admin/articles/" + id + "/save",
                current(id, Map.of("lead_image", "2026/ferry.jpg")))
            .statusCode());
    assertEquals("2026/ferry.jpg", article(id).content().leadImage());

    HttpResponse<String> badTime =
        editor.post(
            "/admin/articles/" + id + "/schedule",
            current(id, Map.of("publish_at", "tomorrow", "zone", "UTC")));
    assertEquals(422, badTime.statusCode());
    assertTrue(badTime.body().contains("2026-11-25T14:30"));
  }

  @Test
  void revisionsAreListedDiffedSafelyAndRestored() {
    long id = create(editor, "revised-probe", "Revised probe");
    editor.post(
        "/admin/articles/" + id + "/save",
        current(id, Map.of("title", "Revised <b>probe</b>", "body", "New body.")));
    HttpResponse<String> list = author.get("/admin/articles/" + id + "/revisions");
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains("/admin/articles/" + id + "/revisions/2"));
    assertFalse(list.body().contains("/revisions/1/restore"), "authors cannot restore");
    HttpResponse<String> diff = editor.get("/admin/articles/" + id + "/revisions/2");
    assertEquals(200, diff.statusCode());
    assertTrue(
        diff.body().contains("<ins> &lt;b&gt;probe&lt;/b&gt;</ins>")
            || diff.body().contains("&lt;b&gt;"),
        diff.body());
    assertFalse(diff.body().contains("<b>probe</b>"));
    assertTrue(
        diff.body().contains("<del>Body of Revised probe.</del>") || diff.body().contains("<del>"));
    assertEquals(
        303, editor.post("/admin/articles/" + id + "/revisions/1/restore", Map.of()).statusCode());
    assertEquals("Revised probe", article(id).content().title());
    assertEquals(3, article(id).revision());
    assertEquals(404, editor.get("/admin/articles/" + id + "/revisions/99").statusCode());
  }

  @Test
  void aScheduledArticleGoesPublicAtItsTime() {
    long id = create(editor, "scheduled-screen-probe", "Scheduled screen probe");
    LocalDateTime at =
        LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    HttpResponse<String> scheduled =
        editor.post(
            "/admin/articles/" + id + "/schedule",
            current(id, Map.of("publish_at", at.toString().substring(0, 16), "zone", "UTC")));
    assertEquals(303, scheduled.statusCode(), scheduled.body());
    assertEquals(WorkflowState.SCHEDULED, article(id).state());
    assertEquals(at.toInstant(ZoneOffset.UTC), article(id).content().publishedAt());
    assertEquals(404, app.get(publicPath(id)).statusCode());
    clock.advance(Duration.ofMinutes(11));
    try {
      assertEquals(200, app.get(publicPath(id)).statusCode());
    } finally {
      clock.set(clock.instant().minus(Duration.ofMinutes(11)));
    }
  }

  @Test
  void aWholeArticleFitsInOneForm() {
    long id = create(editor, "long-probe", "Long probe");
    String body = "Очень длинный абзац. ".repeat(3000);
    assertEquals(
        303,
        editor
            .post("/admin/articles/" + id + "/save", current(id, Map.of("body", body)))
            .statusCode());
    assertEquals(body, article(id).content().bodyMarkdown());
  }

  @Test
  void everyRoleMeetsThePermissionMatrixOnEveryScreen() {
    long id = create(editor, "matrix-probe", "Matrix probe");
    Map<String, int[]> gets = new LinkedHashMap<>();
    // admin, editor, author, translator
    gets.put("/admin/articles", new int[] {200, 200, 200, 200});
    gets.put("/admin/articles/new", new int[] {200, 200, 200, 403});
    gets.put("/admin/articles/" + id, new int[] {200, 200, 200, 200});
    gets.put("/admin/articles/" + id + "/revisions", new int[] {200, 200, 200, 200});
    gets.put("/admin/sections", new int[] {200, 200, 403, 403});
    gets.put("/admin/authors", new int[] {200, 200, 403, 403});
    gets.put("/admin/tags", new int[] {200, 200, 403, 403});
    gets.put("/admin/ticker", new int[] {200, 200, 403, 403});
    gets.put("/admin/day-counter", new int[] {200, 403, 403, 403});
    AdminClient[] clients = {admin, editor, author, translator};
    Map<String, String> failures = new HashMap<>();
    gets.forEach((path, expected) -> {
      for (int i = 0; i < clients.length; i++) {
        int status = clients[i].get(path).statusCode();
        if (status != expected[i]) {
          failures.put(path + " as " + clients[i].staff().role(), String.valueOf(status));
        }
      }
    });
    assertEquals(Map.of(), failures);
    for (AdminClient denied : new AdminClient[] {author, translator}) {
      assertEquals(
          403,
          denied
              .post(
                  "/admin/sections",
                  Map.of("slug", "hacked", "position", "0", "name_en", "H", "name_ru", "Х"))
              .statusCode());
      assertEquals(
          403,
          denied
              .post("/admin/day-counter", Map.of("lang", "en", "start", "2020-01-01"))
              .statusCode());
      assertEquals(
          403,
          denied.post("/admin/articles/" + id + "/publish", current(id, Map.of())).statusCode());
    }
    assertEquals(
        403,
        editor
            .post("/admin/day-counter", Map.of("lang", "en", "start", "2020-01-01"))
            .statusCode());
    assertEquals(
        403,
        admin
            .postRaw("/admin/articles/" + id + "/publish", AdminClient.form(current(id, Map.of())))
            .statusCode(),
        "no CSRF token");
    assertEquals(WorkflowState.DRAFT, article(id).state());
    assertEquals(303, app.get("/admin/articles").statusCode(), "logged out: to the login page");
  }

  @Test
  void catalogTickerAndDayCounterScreensWork() {
    assertEquals(
        303,
        editor
            .post(
                "/admin/sections",
                Map.of(
                    "slug", "exile", "position", "9", "name_en", "Exile", "name_ru", "Эмиграция"))
            .statusCode());
    assertTrue(app.get("/ru/").body().contains("Эмиграция"), "the header's sections follow");
    HttpResponse<String> missing =
        editor.post(
            "/admin/sections",
            Map.of("slug", "half", "position", "1", "name_en", "Half", "name_ru", ""));
    assertEquals(422, missing.statusCode());
    assertEquals(
        303,
        editor
            .post(
                "/admin/authors",
                Map.of(
                    "slug",
                    "new-writer",
                    "name_en",
                    "New Writer",
                    "name_ru",
                    "Новый автор",
                    "bio_en",
                    "",
                    "bio_ru",
                    "",
                    "photo",
                    "authors/new.jpg"))
            .statusCode());
    assertEquals(
        422,
        editor
            .post(
                "/admin/authors",
                Map.of(
                    "slug",
                    "new-writer",
                    "name_en",
                    "N",
                    "name_ru",
                    "Н",
                    "photo",
                    "../../etc/passwd"))
            .statusCode());
    assertEquals(
        303,
        editor.post("/admin/tags", Map.of("lang", "ru", "name", "Тестовая метка")).statusCode());
    assertTrue(editor.get("/admin/tags?lang=ru").body().contains("testovaya-metka"));

    HttpResponse<String> ticker = editor.get("/admin/ticker");
    assertEquals(200, ticker.statusCode());
    assertTrue(ticker.body().contains("USD"));

    assertEquals(
        303,
        admin
            .post(
                "/admin/day-counter",
                Map.of("lang", "en", "start", "2024-02-01", "label", "Day {days} in exile"))
            .statusCode());
    assertTrue(app.get("/en/").body().contains(" in exile"), "the cached header follows");
    assertEquals(
        422,
        admin
            .post(
                "/admin/day-counter",
                Map.of("lang", "en", "start", "2024-02-01", "label", "no number"))
            .statusCode());
    assertEquals(
        303, admin.post("/admin/day-counter", Map.of("lang", "en", "reset", "1")).statusCode());
    assertFalse(app.get("/en/").body().contains(" in exile"));
  }
}
