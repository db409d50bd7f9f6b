package org.tamizdat.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.ascii;
import static org.tamizdat.media.ImageFixtures.halves;
import static org.tamizdat.media.ImageFixtures.indexOf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.config.MediaSettings;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.TestDatabase;

/** What an upload becomes: pixels only, the right way up, in every size; or a clear refusal. */
class ImageIngestTest {
  @TempDir Path dir;
  MigratedDatabase db;
  FileMediaStore store;
  MediaRepository repository;
  ImageIngest ingest;

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(TestDatabase.sqlite(dir));
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
    store = new FileMediaStore(dir.resolve("media"));
    repository = new MediaRepository(db.database(), new ChangeLog(clock));
    ingest = new ImageIngest(store, repository, MediaSettings.defaults(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void jpegLosesEveryPieceOfMetadataInEverySize() throws IOException {
    byte[] upload = ImageFixtures.jpegWithEverything(halves(2000, 1200), 1);
    assertCarriesAllMarkers(upload);

    StoredMedia media = ingest.ingest(upload, "IMG_2041.jpg", MediaText.none(), null);

    assertEquals(List.of(480, 960, 1600, 2000), widths(media));
    for (MediaFile file : media.files()) {
      byte[] stored = read(file.name());
      assertNoMetadata(file.name(), stored);
      assertEquals(List.of("APP0 JFIF"), jpegAppSegments(stored), file.name());
      assertEquals(
          1, count(stored, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}), "one image");
      assertEquals("image/jpeg", file.mime());
    }
  }

  @Test
  void pngLosesTextAndExifChunksInEverySize() throws IOException {
    byte[] upload = ImageFixtures.pngWithEverything(halves(1000, 500));
    assertTrue(indexOf(upload, ascii(ImageFixtures.PNG_TEXT)) >= 0);

    StoredMedia media = ingest.ingest(upload, "chart.png", MediaText.none(), null);

    assertEquals(List.of(480, 960, 1000), widths(media));
    for (MediaFile file : media.files()) {
      byte[] stored = read(file.name());
      assertNoMetadata(file.name(), stored);
      assertEquals(List.of("IHDR", "IDAT", "IEND"), distinctPngChunks(stored), file.name());
    }
  }

  @Test
  void webpKeepsItsPixelsButNoMetadataChunks() throws IOException {
    byte[] upload = ImageFixtures.webpWithEverything(1000, 600, 1);
    assertCarriesAllMarkers(upload);

    StoredMedia media = ingest.ingest(upload, "photo.webp", MediaText.none(), null);

    assertEquals("image/webp", media.mime());
    assertEquals(List.of(480, 960, 1000), widths(media));
    byte[] original = read(media.name());
    assertEquals(List.of("VP8X", "VP8L"), riffChunks(original));
    assertEquals(0, original[20] & ~0x10, "no ICC, EXIF, XMP or animation flag");
    byte[] vp8l = ImageFixtures.losslessHalves(1000, 600);
    assertTrue(indexOf(original, vp8l) > 0, "the compressed pixels are kept as they were");
    for (MediaFile file : media.files()) {
      assertNoMetadata(file.name(), read(file.name()));
    }
    assertEquals("image/jpeg", media.files().getFirst().mime(), "resized copies are JPEG");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(original));
    assertEquals(1000, decoded.getWidth());
    assertRed(decoded.getRGB(100, 300));
    assertBlue(decoded.getRGB(900, 300));
  }

  @Test
  void exifOrientationIsAppliedToThePixels() throws IOException {
    // Orientation 6: the camera was turned clockwise; the left edge is the picture's top.
    StoredMedia media =
        ingest.ingest(
            ImageFixtures.jpegWithOrientation(halves(600, 300), 6),
            "a.jpg",
            MediaText.none(),
            null);

    assertEquals(300, media.width());
    assertEquals(600, media.height());
    for (MediaFile file : media.files()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(file.name())));
      assertTrue(image.getHeight() > image.getWidth(), file.name() + " stands upright");
      assertRed(image.getRGB(image.getWidth() / 2, image.getHeight() / 5));
      assertBlue(image.getRGB(image.getWidth() / 2, image.getHeight() * 4 / 5));
    }
  }

  @Test
  void everyOrientationEndsUpTheSameWayRound() throws IOException {
    // What each EXIF value means, undone: the stored picture must always show red on top.
    for (int orientation = 1; orientation <= 8; orientation++) {
      BufferedImage upright = ImageFixtures.halves(40, 80); // red left, blue right
      BufferedImage turned = reverse(rotateToTop(upright), orientation);
      StoredMedia media =
          ingest.ingest(
              ImageFixtures.plainPngWith(turned, orientation), "o.png", MediaText.none(), null);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(media.name())));
      assertEquals(40, image.getWidth(), "orientation " + orientation);
      assertRed(image.getRGB(20, 5));
      assertBlue(image.getRGB(20, 75));
    }
  }

  @Test
  void rotatedWebpIsStoredTurnedAsJpeg() throws IOException {
    StoredMedia media =
        ingest.ingest(
            ImageFixtures.webpWithEverything(600, 300, 6), "w.webp", MediaText.none(), null);

    assertEquals("image/jpeg", media.mime());
    assertEquals(300, media.width());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(media.name())));
    assertRed(image.getRGB(150, 100));
    assertBlue(image.getRGB(150, 500));
    for (MediaFile file : media.files()) {
      assertNoMetadata(file.name(), read(file.name()));
    }
  }

  @Test
  void typeComesFromTheContentNotTheName() throws IOException {
    StoredMedia png =
        ingest.ingest(
            ImageFixtures.plainPng(halves(100, 50)), "holiday.jpg", MediaText.none(), null);
    assertEquals("image/png", png.mime());
    assertTrue(png.name().endsWith(".png"));

    MediaRejected text =
        assertThrows(
            MediaRejected.class,
            () ->
                ingest.ingest(
                    ascii("just some text, honest\n"), "photo.png", MediaText.none(), null));
    assertTrue(text.getMessage().contains("not a JPEG, PNG or WebP"), text.getMessage());
    assertTrue(text.getMessage().contains("photo.png"));

    byte[] gif = ascii("GIF89a\1\0\1\0\0\0\0;");
    assertThrows(MediaRejected.class, () -> ingest.ingest(gif, "a.gif", MediaText.none(), null));
    byte[] svg = ascii("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    assertThrows(MediaRejected.class, () -> ingest.ingest(svg, "a.jpg", MediaText.none(), null));
    assertEquals(1, repository.count());
  }

  @Test
  void decompressionBombsAreRefusedFromTheHeaderAlone() {
    List<byte[]> bombs =
        List.of(
            ImageFixtures.pngBomb(100_000, 100_000),
            ImageFixtures.jpegBomb(65_000, 65_000),
            ImageFixtures.webpBomb(16_384, 16_384));
    for (byte[] bomb : bombs) {
      assertTrue(bomb.length < 20_000, "a small file");
      long start = System.nanoTime();
      MediaRejected e =
          assertThrows(
              MediaRejected.class, () -> ingest.ingest(bomb, "bomb", MediaText.none(), null));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e.getMessage().contains("megapixels"), e.getMessage());
      assertTrue(millis < 500, "refused in " + millis + " ms");
    }
    assertEquals(0, repository.count());
  }

  @Test
  void limitsAreConfigurable() {
    ImageIngest fewBytes =
        new ImageIngest(store, repository, new MediaSettings(2_000, 50_000_000), Clock.systemUTC());
    byte[] large = ImageFixtures.jpegWithEverything(halves(200, 100), 1);
    assertTrue(large.length > 2_000);
    MediaRejected bytes =
        assertThrows(
            MediaRejected.class, () -> fewBytes.ingest(large, "big.jpg", MediaText.none(), null));
    assertTrue(bytes.getMessage().contains("larger than the limit"), bytes.getMessage());
    ImageIngest fewPixels =
        new ImageIngest(
            store, repository, new MediaSettings(1_000_000, 100_000), Clock.systemUTC());
    MediaRejected pixels =
        assertThrows(
            MediaRejected.class,
            () ->
                fewPixels.ingest(
                    ImageFixtures.plainPng(halves(400, 300)), "p.png", MediaText.none(), null));
    assertTrue(pixels.getMessage().contains("400×300"), pixels.getMessage());
    assertEquals(0, repository.count());
  }

  @Test
  void damagedFilesAreRefusedAndLeaveNothingBehind() throws IOException {
    byte[] jpeg = ImageFixtures.plainJpeg(halves(300, 200));
    byte[] truncated = java.util.Arrays.copyOf(jpeg, 200);
    MediaRejected e =
        assertThrows(
            MediaRejected.class, () -> ingest.ingest(truncated, "t.jpg", MediaText.none(), null));
    assertTrue(e.getMessage().startsWith("'t.jpg'"), e.getMessage());
    byte[] png = ImageFixtures.plainPng(halves(300, 200));
    byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);
    assertThrows(MediaRejected.class, () -> ingest.ingest(cut, "c.png", MediaText.none(), null));
    assertEquals(0, repository.count());
    assertTrue(storedFiles().isEmpty(), "no file: " + storedFiles());
  }

  @Test
  void smallImagesAreNeverUpscaled() {
    StoredMedia media =
        ingest.ingest(ImageFixtures.plainJpeg(halves(300, 200)), "s.jpg", MediaText.none(), null);
    assertEquals(List.of(300), widths(media));
    StoredMedia medium =
        ingest.ingest(ImageFixtures.plainJpeg(halves(700, 200)), "m.jpg", MediaText.none(), null);
    assertEquals(List.of(480, 700), widths(medium));
    assertEquals(137, medium.files().getFirst().height(), "aspect ratio kept");
  }

  @Test
  void theSamePictureTwiceIsOneItem() throws IOException {
    byte[] upload = ImageFixtures.jpegWithEverything(halves(800, 400), 1);
    StoredMedia first = ingest.ingest(upload, "a.jpg", new MediaText("A river", "", ""), 7L);
    StoredMedia second =
        ingest.ingest(new ByteArrayInputStream(upload), "b.jpg", MediaText.none(), null);
    assertEquals(first.id(), second.id());
    assertEquals("A river", second.altText());
    assertEquals(7L, second.uploadedBy());
    assertEquals(1, repository.count());
  }

  private void assertCarriesAllMarkers(byte[] upload) {
    assertTrue(indexOf(upload, ImageFixtures.GPS_LATITUDE) >= 0, "fixture has GPS");
    assertTrue(indexOf(upload, ascii(ImageFixtures.XMP_NS)) >= 0, "fixture has XMP");
    assertTrue(indexOf(upload, ascii(ImageFixtures.CAMERA)) >= 0, "fixture names the camera");
  }

  static void assertNoMetadata(String name, byte[] stored) {
    assertEquals(-1, indexOf(stored, ImageFixtures.GPS_LATITUDE), name + ": GPS latitude");
    assertEquals(-1, indexOf(stored, ImageFixtures.GPS_LONGITUDE), name + ": GPS longitude");
    for (String marker : ImageFixtures.MARKERS) {
      assertEquals(-1, indexOf(stored, ascii(marker)), name + " still contains '" + marker + "'");
    }
  }

  private static void assertRed(int rgb) {
    int r = rgb >> 16 & 0xff;
    int b = rgb & 0xff;
    assertTrue(r > 200 && b < 60, "red expected, got " + Integer.toHexString(rgb));
  }

  private static void assertBlue(int rgb) {
    int r = rgb >> 16 & 0xff;
    int b = rgb & 0xff;
    assertTrue(b > 200 && r < 60, "blue expected, got " + Integer.toHexString(rgb));
  }

  private static List<Integer> widths(StoredMedia media) {
    return media.files().stream().map(MediaFile::width).toList();
  }

  private byte[] read(String name) throws IOException {
    return store.read(name).orElseThrow();
  }

  private List<String> storedFiles() throws IOException {
    Path media = dir.resolve("media");
    if (!Files.exists(media)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(media)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static int count(byte[] haystack, byte[] needle) {
    int n = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (indexOf(java.util.Arrays.copyOfRange(haystack, i, i + needle.length), needle) == 0) {
        n++;
      }
    }
    return n;
  }

  /** The APPn and COM segments of a JPEG, e.g. "APP0 JFIF". */
  static List<String> jpegAppSegments(byte[] b) {
    List<String> found = new ArrayList<>();
    int i = 2;
    while (i + 4 <= b.length) {
      int marker = b[i + 1] & 0xff;
      if (marker == 0xda) {
        break;
      }
      int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
      if (marker >= 0xe0 && marker <= 0xef) {
        String id =
            new String(
                b, i + 4, Math.min(4, length - 2), java.nio.charset.StandardCharsets.ISO_8859_1);
        found.add("APP" + (marker - 0xe0) + " " + id);
      } else if (marker == 0xfe) {
        found.add("COM");
      }
      i += 2 + length;
    }
    return found;
  }

  static List<String> distinctPngChunks(byte[] b) {
    List<String> found = new ArrayList<>();
    int at = 8;
    while (at + 8 <= b.length) {
      int length = java.nio.ByteBuffer.wrap(b, at, 4).getInt();
      String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (!found.contains(type)) {
        found.add(type);
      }
      at += 12 + length;
    }
    return found;
  }

  static List<String> riffChunks(byte[] b) {
    List<String> found = new ArrayList<>();
    int at = 12;
    while (at + 8 <= b.length) {
      int length =
          java.nio.ByteBuffer.wrap(b, at + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
      found.add(new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
      at += 8 + length + (length & 1);
    }
    return found;
  }

  /** 80 high: red top half, blue bottom half (the upright picture). */
  private static BufferedImage rotateToTop(BufferedImage leftRight) {
    BufferedImage out = new BufferedImage(40, 80, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 40; x++) {
        out.setRGB(x, y, y < 40 ? 0xff0000 : 0x0000ff);
      }
    }
    return out;
  }

  /** The sensor's pixels for an upright picture and an orientation: the inverse of applying it. */
  private static BufferedImage reverse(BufferedImage upright, int orientation) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage raw = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    for (int ry = 0; ry < raw.getHeight(); ry++) {
      for (int rx = 0; rx < raw.getWidth(); rx++) {
        int rw = raw.getWidth();
        int rh = raw.getHeight();
        int x;
        int y;
        switch (orientation) {
          case 1 -> {
            x = rx;
            y = ry;
          }
          case 2 -> {
            x = rw - 1 - rx;
            y = ry;
          }
          case 3 -> {
            x = rw - 1 - rx;
            y = rh - 1 - ry;
          }
          case 4 -> {
            x = rx;
            y = rh - 1 - ry;
          }
          case 5 -> {
            x = ry;
            y = rx;
          }
          case 6 -> {
            x = rh - 1 - ry;
            y = rx;
          }
          case 7 -> {
            x = rh - 1 - ry;
            y = rw - 1 - rx;
          }
          default -> {
            x = ry;
            y = rw - 1 - rx;
          }
        }
        raw.setRGB(rx, ry, upright.getRGB(x, y));
      }
    }
    return raw;
  }
}
