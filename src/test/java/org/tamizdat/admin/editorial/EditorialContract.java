package org.tamizdat.admin.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** The editorial workflow, revisions and admin queries on each engine. */
abstract class EditorialContract {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Actor ANNA = new Actor(1L, "Anna Editor");
  static final Actor BORIS = new Actor(2L, "Boris Author");

  final MutableClock clock = new MutableClock(NOW);
  MigratedDatabase db;
  Database database;
  ChangeLog changeLog;
  Editorial editorial;
  Revisions revisions;
  ArticleRepository publicArticles;
  AdminArticles admin;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    database = db.database();
    changeLog = new ChangeLog(clock);
    CatalogRepository catalog = new CatalogRepository(database, changeLog);
    catalog.saveSection("news", 0, Map.of(Language.EN, "News", Language.RU, "Новости"));
    catalog.saveSection("culture", 1, Map.of(Language.EN, "Culture", Language.RU, "Культура"));
    catalog.saveAuthor("ed", Map.of(Language.EN, "Ed", Language.RU, "Эд"), Map.of());
    catalog.saveAuthor("vera", Map.of(Language.EN, "Vera", Language.RU, "Вера"), Map.of());
    revisions = new Revisions(database);
    editorial =
        new Editorial(
            database,
            new ArticleWriter(database, changeLog, new BodyRenderer(), clock),
            revisions,
            clock);
    publicArticles = new ArticleRepository(database, clock);
    admin = new AdminArticles(database, clock);
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  static ArticleInput draft(
      Language lang, String slug, String title, String section, String author) {
    return new ArticleInput(
        lang,
        slug,
        null,
        "Kicker",
        title,
        "Dek",
        "First paragraph.\n\nSecond paragraph.",
        section,
        List.of(author),
        List.of("Elections"),
        Status.DRAFT,
        null,
        null,
        null,
        null);
  }

  static ArticleInput retitled(ArticleInput in, String title, String body) {
    return new ArticleInput(
        in.lang(),
        in.slug(),
        in.translationGroup(),
        in.kicker(),
        title,
        in.dek(),
        body,
        in.sectionSlug(),
        in.authorSlugs(),
        in.tagNames(),
        in.status(),
        in.publishedAt(),
        null,
        in.leadImage(),
        in.leadCaption());
  }

  EditorialArticle get(long id) {
    return editorial.find(id).orElseThrow();
  }

  long changesFor(long id) {
    return database.read(h ->
        h.createQuery(
                "SELECT COUNT(*) FROM change_log WHERE entity = 'article' AND entity_id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .one());
  }

  @Test
  void everySaveIsARevisionAndRestoringMakesANewOne() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    ArticleInput first = get(id).content();
    clock.advance(Duration.ofMinutes(5));
    editorial.save(
        id,
        retitled(first, "Budget cut again", "First paragraph.\n\nA new second."),
        1,
        Transition.KEEP,
        ANNA);
    assertEquals("Budget cut again", get(id).content().title());
    List<Revision> list = revisions.list(id);
    assertEquals(List.of(2, 1), list.stream().map(Revision::number).toList());
    assertEquals("Anna Editor", list.get(0).savedByName());
    assertEquals(NOW.plus(Duration.ofMinutes(5)), list.get(0).savedAt());
    assertEquals("created", list.get(1).note());

    editorial.restore(id, 1, ANNA);
    EditorialArticle restored = get(id);
    assertEquals("Budget cut", restored.content().title());
    assertEquals(first.bodyMarkdown(), restored.content().bodyMarkdown());
    assertEquals(3, restored.revision());
    assertEquals("restored revision 1", revisions.get(id, 3).orElseThrow().note());
    assertThrows(EditorialException.class, () -> editorial.restore(id, 9, ANNA));
  }

  @Test
  void aDiffNamesChangedFieldsAndWords() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    editorial.save(
        id,
        retitled(
            get(id).content(),
            "Budget cut <script>x</script>",
            "First paragraph.\n\nA new second."),
        1,
        Transition.KEEP,
        ANNA);
    RevisionDiff diff =
        RevisionDiff.between(
            revisions.get(id, 1).orElseThrow(), revisions.get(id, 2).orElseThrow());
    assertEquals(
        List.of("title"), diff.fields().stream().map(RevisionDiff.FieldChange::field).toList());
    assertTrue(
        diff.fields()
            .getFirst()
            .segments()
            .contains(new TextDiff.Segment(TextDiff.Kind.ADDED, " <script>x</script>")),
        diff.fields().toString());
    assertEquals(TextDiff.Kind.SAME, diff.body().get(0).kind());
    assertEquals(TextDiff.Kind.CHANGED, diff.body().get(2).kind());
  }

  @Test
  void theWorkflowMovesAnArticleThroughItsStatesAndOnlyPublishedIsPublic() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    assertEquals(WorkflowState.DRAFT, get(id).state());
    assertEquals(BORIS.id(), get(id).ownerId());
    editorial.submit(id, BORIS);
    assertEquals(WorkflowState.IN_REVIEW, get(id).state());
    assertTrue(publicArticles.findPublished(Language.EN, "budget").isEmpty());

    editorial.publish(id, ANNA);
    assertEquals(WorkflowState.PUBLISHED, get(id).state());
    assertEquals(
        NOW, publicArticles.findPublished(Language.EN, "budget").orElseThrow().publishedAt());

    clock.advance(Duration.ofHours(1));
    editorial.unpublish(id, ANNA);
    assertEquals(WorkflowState.DRAFT, get(id).state());
    assertTrue(publicArticles.findPublished(Language.EN, "budget").isEmpty());
    editorial.publish(id, ANNA);
    assertEquals(
        NOW,
        publicArticles.findPublished(Language.EN, "budget").orElseThrow().publishedAt(),
        "published again: same time, so the same address");

    editorial.unpublish(id, ANNA);
    Instant at = clock.instant().plus(Duration.ofHours(2));
    editorial.schedule(id, at, ANNA);
    assertEquals(WorkflowState.SCHEDULED, get(id).state());
    assertTrue(publicArticles.findPublished(Language.EN, "budget").isEmpty());
    clock.set(at);
    assertEquals(WorkflowState.PUBLISHED, get(id).state());
    assertEquals(
        at, publicArticles.findPublished(Language.EN, "budget").orElseThrow().publishedAt());
  }

  @Test
  void refusedRequestsWriteNothing() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    long changes = changesFor(id);
    assertThrows(
        EditorialException.class,
        () -> editorial.schedule(id, NOW.minusSeconds(1), ANNA),
        "the past");
    ArticleInput bad =
        new ArticleInput(
            Language.EN,
            "budget",
            null,
            "",
            "New title",
            "",
            "x",
            "no-such-section",
            List.of("ed"),
            List.of(),
            Status.DRAFT,
            null,
            null,
            null,
            null);
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> editorial.save(id, bad, 1, Transition.KEEP, ANNA));
    assertTrue(unknown.getMessage().contains("no-such-section"));
    editorial.publish(id, ANNA);
    assertThrows(EditorialException.class, () -> editorial.submit(id, BORIS));
    assertEquals("Budget cut", get(id).content().title());
    assertEquals(2, get(id).revision(), "created and published; nothing else");
    assertEquals(changes + 1, changesFor(id));
  }

  @Test
  void aSaveOverSomeoneElsesLaterSaveIsRefused() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    ArticleInput opened = get(id).content();
    editorial.save(
        id, retitled(opened, "Anna's title", opened.bodyMarkdown()), 1, Transition.KEEP, ANNA);
    EditConflictException conflict =
        assertThrows(
            EditConflictException.class,
            () ->
                editorial.save(
                    id,
                    retitled(opened, "Boris's title", opened.bodyMarkdown()),
                    1,
                    Transition.KEEP,
                    BORIS));
    assertTrue(conflict.getMessage().contains("Anna Editor"), conflict.getMessage());
    assertEquals("Anna's title", get(id).content().title());
    assertEquals(2, get(id).revision());
  }

  @Test
  void aSlugAnotherArticleHasIsRefusedNotOverwritten() {
    long first = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    assertThrows(
        IllegalArgumentException.class,
        () -> editorial.create(draft(Language.EN, "budget", "Other", "news", "ed"), BORIS));
    long second = editorial.create(draft(Language.EN, "other", "Other", "news", "ed"), BORIS);
    ArticleInput renamed = draft(Language.EN, "budget", "Other", "news", "ed");
    assertThrows(
        IllegalArgumentException.class,
        () -> editorial.save(second, renamed, -1, Transition.KEEP, ANNA));
    assertEquals("Budget cut", get(first).content().title());
    ArticleInput moved = draft(Language.EN, "other-new", "Other", "news", "ed");
    editorial.save(second, moved, -1, Transition.KEEP, ANNA);
    assertEquals("other-new", get(second).content().slug(), "a slug may change");
  }

  @Test
  void aTranslationIsADraftInTheOtherEditionInTheSameGroup() {
    long en = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    editorial.publish(en, ANNA);
    Actor translator = new Actor(3L, "Tanya Translator");
    long ru = editorial.createTranslation(en, translator);
    EditorialArticle copy = get(ru);
    EditorialArticle original = get(en);
    assertEquals(Language.RU, copy.content().lang());
    assertEquals("budget", copy.content().slug());
    assertEquals(WorkflowState.DRAFT, copy.state());
    assertEquals(3L, copy.ownerId());
    assertEquals(en, copy.translationOf());
    assertEquals(null, original.translationOf());
    assertEquals(List.of("ed"), copy.content().authorSlugs());
    assertEquals("news", copy.content().sectionSlug());
    assertTrue(original.content().translationGroup() != null);
    assertEquals(original.content().translationGroup(), copy.content().translationGroup());
    assertThrows(EditorialException.class, () -> editorial.createTranslation(en, translator));
    assertThrows(EditorialException.class, () -> editorial.createTranslation(ru, translator));
    editorial.publish(ru, ANNA);
    var published = publicArticles.findPublished(Language.EN, "budget").orElseThrow();
    assertEquals(Language.RU, publicArticles.translations(published).getFirst().lang());
  }

  @Test
  void theAdminListFiltersByEditionStateSectionAuthorAndOwnerAPageAtATime() {
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofMinutes(1));
      editorial.create(
          draft(Language.EN, "en-" + i, "En " + i, i % 2 == 0 ? "news" : "culture", "ed"), ANNA);
    }
    long review = editorial.create(draft(Language.RU, "ru-0", "Ру 0", "news", "vera"), BORIS);
    editorial.submit(review, BORIS);
    long scheduled = editorial.create(draft(Language.RU, "ru-1", "Ру 1", "culture", "vera"), BORIS);
    editorial.schedule(scheduled, NOW.plus(Duration.ofDays(1)), ANNA);
    long live = editorial.create(draft(Language.RU, "ru-2", "Ру 2", "culture", "ed"), BORIS);
    editorial.publish(live, ANNA);

    PageOf<ArticleRow> all = admin.list(ArticleFilter.ALL, 1, 4);
    assertEquals(10, all.total());
    assertEquals(4, all.items().size());
    assertEquals(live, all.items().getFirst().id(), "latest change first");
    assertEquals(2, admin.list(ArticleFilter.ALL, 3, 4).items().size());
    assertEquals(
        7, admin.list(new ArticleFilter(Language.EN, null, null, null, null), 1, 20).total());
    assertEquals(
        List.of(review),
        ids(admin.list(new ArticleFilter(null, WorkflowState.IN_REVIEW, null, null, null), 1, 20)));
    assertEquals(
        List.of(scheduled),
        ids(admin.list(new ArticleFilter(null, WorkflowState.SCHEDULED, null, null, null), 1, 20)));
    assertEquals(
        List.of(live),
        ids(admin.list(new ArticleFilter(null, WorkflowState.PUBLISHED, null, null, null), 1, 20)));
    assertEquals(
        7,
        admin.list(new ArticleFilter(null, WorkflowState.DRAFT, null, null, null), 1, 20).total());
    assertEquals(
        List.of(scheduled),
        ids(admin.list(new ArticleFilter(Language.RU, null, "culture", "vera", null), 1, 20)));
    assertEquals(
        3, admin.list(new ArticleFilter(null, null, null, null, BORIS.id()), 1, 20).total());
    ArticleRow row =
        admin
            .list(new ArticleFilter(null, WorkflowState.SCHEDULED, null, null, null), 1, 1)
            .items()
            .getFirst();
    assertEquals("Вера", row.bylines());
    assertEquals("culture", row.sectionSlug());
  }

  private static List<Long> ids(PageOf<ArticleRow> page) {
    return page.items().stream().map(ArticleRow::id).toList();
  }

  @Test
  void aScheduledPublicationIsAnnouncedOnceWhileNodesRace() throws Exception {
    int articles = 12;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      long id =
          editorial.create(draft(Language.EN, "later-" + i, "Later " + i, "news", "ed"), ANNA);
      editorial.schedule(id, NOW.plus(Duration.ofMinutes(10 + i % 3)), ANNA);
      ids.add(id);
    }
    Map<Long, Long> before = new java.util.HashMap<>();
    ids.forEach(id -> before.put(id, changesFor(id)));
    try (Database other = db.openAnother()) {
      ScheduledAnnouncer[] nodes = {
        new ScheduledAnnouncer(database, changeLog, () -> {}, clock),
        new ScheduledAnnouncer(other, new ChangeLog(clock), () -> {}, clock)
      };
      assertEquals(0, nodes[0].announceDue(), "nothing is due yet");
      clock.advance(Duration.ofMinutes(15));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (ScheduledAnnouncer node : nodes) {
          results.add(
              pool.submit(() -> {
                start.await();
                return node.announceDue();
              }));
        }
        int announced = 0;
        for (Future<Integer> result : results) {
          announced += result.get();
        }
        assertEquals(articles, announced, "each publication announced by exactly one node");
      } finally {
        pool.shutdownNow();
      }
      assertEquals(0, nodes[1].announceDue(), "and never again");
    }
    for (long id : ids) {
      assertEquals(before.get(id) + 1, changesFor(id), "article " + id);
    }
  }

  @Test
  void anUnpublishedOrRescheduledArticleIsNotAnnouncedAtItsOldTime() {
    long id = editorial.create(draft(Language.EN, "later", "Later", "news", "ed"), ANNA);
    editorial.schedule(id, NOW.plus(Duration.ofMinutes(10)), ANNA);
    editorial.unpublish(id, ANNA);
    long other = editorial.create(draft(Language.EN, "later2", "Later 2", "news", "ed"), ANNA);
    editorial.schedule(other, NOW.plus(Duration.ofMinutes(10)), ANNA);
    editorial.schedule(other, NOW.plus(Duration.ofMinutes(30)), ANNA);
    ScheduledAnnouncer announcer = new ScheduledAnnouncer(database, changeLog, () -> {}, clock);
    clock.advance(Duration.ofMinutes(15));
    assertEquals(0, announcer.announceDue());
    clock.advance(Duration.ofMinutes(15));
    assertEquals(1, announcer.announceDue());
  }

  @Test
  void everyWriteReachesTheChangeLog() {
    long id = editorial.create(draft(Language.EN, "budget", "Budget cut", "news", "ed"), BORIS);
    long after = changesFor(id);
    assertNotEquals(0, after);
    editorial.submit(id, BORIS);
    editorial.publish(id, ANNA);
    editorial.unpublish(id, ANNA);
    assertEquals(after + 3, changesFor(id));
    assertFalse(revisions.list(id).isEmpty());
  }
}
