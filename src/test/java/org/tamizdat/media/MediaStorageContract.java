package org.tamizdat.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.halves;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.config.MediaSettings;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** The media library's storage, the same on SQLite and PostgreSQL. */
abstract class MediaStorageContract {
  @TempDir Path dir;
  MigratedDatabase db;
  MediaRepository repository;
  MediaLibrary library;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-26T04:00:00Z"));

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    repository = new MediaRepository(db.database(), new ChangeLog(clock));
    FileMediaStore store = new FileMediaStore(dir.resolve("media"));
    library =
        new MediaLibrary(
            new ImageIngest(store, repository, MediaSettings.defaults(), clock), repository);
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  @Test
  void anUploadIsOneRowWithAFileRowPerSize() {
    StoredMedia stored =
        library.ingest(
            ImageFixtures.plainJpeg(halves(1000, 500)),
            "x.jpg",
            new MediaText(" A ferry at dawn ", "The last ferry", "Photo: A. K."),
            42L);

    StoredMedia found = repository.find(stored.id()).orElseThrow();
    assertEquals(stored, found);
    assertEquals("A ferry at dawn", found.altText(), "texts are trimmed");
    assertEquals(42L, found.uploadedBy());
    assertEquals(clock.instant(), found.uploadedAt());
    assertEquals(1000, found.width());
    assertEquals(500, found.height());
    assertEquals(List.of(480, 960, 1000), found.files().stream().map(MediaFile::width).toList());
    assertEquals(240, found.files().getFirst().height());
    assertTrue(found.original().original());
    assertTrue(found.name().matches("[0-9a-f]{24}\\.jpg"), found.name());
    for (MediaFile f : found.files()) {
      assertEquals(found.id(), repository.findByFile(f.name()).orElseThrow().id());
      assertTrue(Files.isRegularFile(dir.resolve("media").resolve(f.name())));
    }
    assertEquals(found.id(), repository.findByKey(found.key()).orElseThrow().id());
    assertTrue(repository.findByFile("000000000000000000000000.jpg").isEmpty());
  }

  @Test
  void namesAreKeyedByTheInstallationsSecret() throws Exception {
    byte[] upload = ImageFixtures.plainPng(halves(80, 40));
    StoredMedia here = library.ingest(upload, "a.png", MediaText.none(), null);
    byte[] cleaned = Files.readAllBytes(dir.resolve("media").resolve(here.name()));
    String plainHash =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(cleaned), 0, 12);
    assertFalse(here.key().equals(plainHash), "not computable from the picture alone");
    assertEquals(repository.namingSecret(), repository.namingSecret(), "made once");

    Path elsewhere = dir.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    try (MigratedDatabase other = MigratedDatabase.open(TestDatabase.sqlite(elsewhere))) {
      MediaRepository otherRepository = new MediaRepository(other.database(), new ChangeLog(clock));
      ImageIngest otherIngest =
          new ImageIngest(
              new FileMediaStore(elsewhere.resolve("media")),
              otherRepository,
              MediaSettings.defaults(),
              clock);
      StoredMedia there = otherIngest.ingest(upload, "a.png", MediaText.none(), null);
      assertFalse(here.key().equals(there.key()), "another installation names it differently");
    }
  }

  @Test
  void newestFirstAndCounted() {
    StoredMedia first =
        library.ingest(ImageFixtures.plainPng(halves(50, 50)), "a", MediaText.none(), null);
    clock.advance(java.time.Duration.ofMinutes(1));
    StoredMedia second =
        library.ingest(ImageFixtures.plainPng(halves(60, 50)), "b", MediaText.none(), null);
    assertEquals(2, repository.count());
    assertEquals(
        List.of(second.id(), first.id()),
        repository.newest(10, 0).stream().map(StoredMedia::id).toList());
    assertEquals(
        List.of(first.id()), repository.newest(10, 1).stream().map(StoredMedia::id).toList());
  }

  @Test
  void editingTheTextsIsAPublicChange() {
    StoredMedia media =
        library.ingest(ImageFixtures.plainPng(halves(50, 50)), "a", MediaText.none(), null);
    long before = db.database().read(ChangeLog::latestSeq);

    assertTrue(repository.updateText(media.id(), new MediaText("Alt", "Caption", "Credit")));

    StoredMedia edited = repository.find(media.id()).orElseThrow();
    assertEquals(
        new MediaText("Alt", "Caption", "Credit"),
        new MediaText(edited.altText(), edited.caption(), edited.credit()));
    List<ChangeLog.Change> changes = db.database().read(h -> ChangeLog.since(h, before));
    assertEquals(1, changes.size());
    assertEquals("media", changes.getFirst().entity());
    assertFalse(repository.updateText(media.id() + 1000, MediaText.none()));
  }

  @Test
  void tooLongTextsAreRefusedWithTheirName() {
    MediaRejected e =
        assertThrows(MediaRejected.class, () -> new MediaText("x".repeat(1001), "", ""));
    assertTrue(e.getMessage().contains("alt text"), e.getMessage());
  }

  @Test
  void pagesAndExportsGetEverySizeOfAnImage() {
    StoredMedia media =
        library.ingest(ImageFixtures.plainJpeg(halves(1200, 600)), "a", MediaText.none(), null);
    List<String> files = library.filesFor(media.name());
    assertEquals(media.name(), files.getFirst());
    assertEquals(
        Set.copyOf(media.files().stream().map(MediaFile::name).toList()), Set.copyOf(files));
    assertEquals(List.of("lantern.svg"), library.filesFor("lantern.svg"));
    assertEquals(media.id(), library.imageOf(media.files().getFirst().name()).orElseThrow().id());
  }

  @Test
  void theStoreRefusesNamesOutsideItsDirectoryAndLeavesNoTemporaryFiles() throws Exception {
    FileMediaStore store = new FileMediaStore(dir.resolve("media"));
    for (String bad :
        List.of("../x.jpg", "a/../../b.png", "/etc/passwd", ".hidden.jpg", "A.JPG", "x.gif")) {
      assertThrows(IllegalArgumentException.class, () -> store.put(bad, new byte[] {1}), bad);
      assertFalse(store.exists(bad));
    }
    store.put("abc.png", new byte[] {1, 2});
    store.put("abc.png", new byte[] {3});
    assertEquals(1, store.read("abc.png").orElseThrow().length);
    try (Stream<Path> files = Files.list(dir.resolve("media"))) {
      assertEquals(List.of("abc.png"), files.map(p -> p.getFileName().toString()).toList());
    }
    store.delete("abc.png");
    assertFalse(store.exists("abc.png"));
  }
}
