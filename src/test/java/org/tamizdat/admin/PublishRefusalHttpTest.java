package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.WorkflowState;
import org.tamizdat.media.MediaText;
import org.tamizdat.media.StoredMedia;
import org.tamizdat.sources.KeyFile;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.TestApp;

/**
 * Publishing and scheduling from the editor, refused: a linked source's real name in the text (the
 * findings are shown with the typed text) and images without alt text. Nothing is saved.
 */
class PublishRefusalHttpTest {
  static final String REAL_NAME = "Тимофей Грачёв";
  static final String SCHEDULE = "2030-01-01T10:00";

  @TempDir static Path dir;
  static TestApp app;
  static AdminClient editor;
  static long sourceId;

  @BeforeAll
  static void start() throws IOException {
    KeyFile.generate(dir.resolve("sources.key"), new SecureRandom());
    app = TestApp.start(dir, Map.of());
    editor = AdminLogin.as(app, Role.EDITOR);
    HttpResponse<String> created =
        editor.post(
            "/admin/sources/new",
            Map.of("pseudonym", "Timofei", "real_name", REAL_NAME, "contacts", "", "notes", ""));
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    sourceId = Long.parseLong(location.substring("/admin/sources/".length()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static long draft(String slug) {
    HttpResponse<String> created =
        editor.post(
            "/admin/articles/new",
            EditorialScreensTest.fields(slug, "Payroll " + slug, "Harmless text."));
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring("/admin/articles/".length()));
  }

  static Map<String, String> form(long id, Map<String, String> changes) {
    var a = app.app().editorial().editorial().find(id).orElseThrow();
    Map<String, String> f =
        EditorialScreensTest.fields(
            a.content().slug(), a.content().title(), a.content().bodyMarkdown());
    f.put("revision", String.valueOf(a.revision()));
    f.putAll(changes);
    return f;
  }

  static WorkflowState state(long id) {
    return app.app().editorial().editorial().find(id).orElseThrow().state();
  }

  static String body(long id) {
    return app.app().editorial().editorial().find(id).orElseThrow().content().bodyMarkdown();
  }

  @Test
  void aLinkedSourcesNameBlocksPublishAndScheduleAndTheFindingsShow() {
    long id = draft("guarded");
    HttpResponse<String> linked =
        editor.post("/admin/sources/" + sourceId + "/link", Map.of("article", "" + id));
    assertEquals(303, linked.statusCode(), linked.body());
    String editorPage = editor.get("/admin/articles/" + id).body();
    assertTrue(editorPage.contains("href=\"/admin/sources/check/" + id + "\""), editorPage);
    assertTrue(editor.get("/admin/sources/check/" + id).body().contains("Timofei"));

    String typed = "Мы поговорили с Тимофеем Грачёвым в четверг.";
    for (String[] attempt :
        new String[][] {{"publish", "Not published"}, {"schedule", "Not scheduled"}}) {
      Map<String, String> fields = form(id, Map.of("body", typed));
      fields.put("publish_at", SCHEDULE);
      fields.put("zone", "UTC");
      HttpResponse<String> refused =
          editor.post("/admin/articles/" + id + "/" + attempt[0], fields);
      assertEquals(422, refused.statusCode(), attempt[0]);
      String page = refused.body();
      assertTrue(page.contains(attempt[1]), page);
      assertTrue(page.contains("Where the text names a protected source"), page);
      assertTrue(page.contains("<td>body</td>"), page);
      assertTrue(page.contains("Тимофеем Грачёвым"), "the finding quotes the text: " + page);
      assertTrue(page.contains(">" + typed + "</textarea>"), "the typed text is kept: " + page);
      assertEquals(WorkflowState.DRAFT, state(id));
      assertEquals("Harmless text.", body(id), "nothing saved");
    }

    HttpResponse<String> clean =
        editor.post(
            "/admin/articles/" + id + "/publish",
            form(id, Map.of("body", "Мы поговорили с Тимофеем (имя изменено).")));
    assertEquals(303, clean.statusCode(), clean.body());
    assertEquals(WorkflowState.PUBLISHED, state(id));
  }

  @Test
  void imagesWithoutAltTextBlockPublishingAndAreNamed() throws IOException {
    StoredMedia bare = app.app().media().ingest(png(0xff0000), "bare.png", MediaText.none(), null);
    StoredMedia described =
        app.app()
            .media()
            .ingest(png(0x00ff00), "d.png", new MediaText("A bread queue", "", ""), null);
    long id = draft("images");

    Map<String, String> libraryLead = form(id, Map.of("lead_image", bare.name()));
    HttpResponse<String> lead = editor.post("/admin/articles/" + id + "/publish", libraryLead);
    assertEquals(422, lead.statusCode());
    assertTrue(
        lead.body().contains("the lead image " + bare.name() + " has no alt text"), lead.body());

    Map<String, String> bodyImage =
        form(id, Map.of("body", "Look:\n\n![](/media/" + described.name() + ")"));
    bodyImage.put("publish_at", SCHEDULE);
    bodyImage.put("zone", "UTC");
    HttpResponse<String> inBody = editor.post("/admin/articles/" + id + "/schedule", bodyImage);
    assertEquals(422, inBody.statusCode());
    assertTrue(inBody.body().contains("Not scheduled"), inBody.body());
    assertTrue(inBody.body().contains(described.name() + " in the text has no alt text"));
    // An uncaptioned picture from outside the library has nowhere to hold alt text.
    HttpResponse<String> outsider =
        editor.post(
            "/admin/articles/" + id + "/publish", form(id, Map.of("lead_image", "demo-pines.svg")));
    assertEquals(422, outsider.statusCode());
    assertEquals(WorkflowState.DRAFT, state(id));

    Map<String, String> good = new HashMap<>(form(id, Map.of()));
    good.put("lead_image", described.name());
    good.put("body", "Look:\n\n![A queue for bread](/media/" + described.name() + ")");
    HttpResponse<String> published = editor.post("/admin/articles/" + id + "/publish", good);
    assertEquals(303, published.statusCode(), published.body());
    assertEquals(WorkflowState.PUBLISHED, state(id));

    // The demo's illustrations live outside the library; their caption describes them.
    long demo = draft("demo-like");
    Map<String, String> captioned =
        form(demo, Map.of("lead_image", "demo-pines.svg", "lead_caption", "Old pines by a river"));
    assertEquals(303, editor.post("/admin/articles/" + demo + "/publish", captioned).statusCode());
    assertEquals(WorkflowState.PUBLISHED, state(demo));
  }

  @Test
  void restoringAnOldTextIntoAPublicArticleAsksTheSameChecks() throws IOException {
    StoredMedia photo =
        app.app().media().ingest(png(0x0000ff), "r.png", new MediaText("A ferry", "", ""), null);
    long id = draft("restore");
    Map<String, String> bare =
        form(id, Map.of("body", "Look:\n\n![](/media/" + photo.name() + ")"));
    assertEquals(303, editor.post("/admin/articles/" + id + "/save", bare).statusCode());
    int withoutAlt = app.app().editorial().editorial().find(id).orElseThrow().revision();
    Map<String, String> described =
        form(id, Map.of("body", "Look:\n\n![A ferry at dawn](/media/" + photo.name() + ")"));
    assertEquals(303, editor.post("/admin/articles/" + id + "/publish", described).statusCode());

    HttpResponse<String> restored =
        editor.post("/admin/articles/" + id + "/revisions/" + withoutAlt + "/restore", Map.of());
    assertEquals(422, restored.statusCode(), restored.body());
    assertTrue(restored.body().contains("Not restored"), restored.body());
    assertTrue(
        app.app()
            .editorial()
            .editorial()
            .find(id)
            .orElseThrow()
            .content()
            .bodyMarkdown()
            .contains("A ferry at dawn"),
        "the public text stays as published");
  }

  /** Distinct pixels each, since the library keeps one record per content. */
  static byte[] png(int rgb) throws IOException {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, rgb);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
