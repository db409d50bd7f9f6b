package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming reader on every WXR version and on every kind of bad file. */
class WxrReaderTest {
  private static final String HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
      <channel>
      <wp:wxr_version>1.2</wp:wxr_version>
      """;

  @TempDir Path dir;

  private List<WxrItem> items(Path file) {
    List<WxrItem> items = new ArrayList<>();
    new WxrReader()
        .read(
            file,
            n -> {},
            new WxrReader.Visitor() {
              @Override
              public void item(WxrItem item) {
                items.add(item);
              }
            });
    return items;
  }

  private Path write(String name, String xml) throws IOException {
    return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
  }

  private String failure(Path file) {
    return assertThrows(ImportException.class, () -> items(file)).getMessage();
  }

  @Test
  void readsVersions10And11And12AlikeWhateverPrefixTheFileUses() throws IOException {
    assertEquals(15, items(ImportFixtures.fixture(dir, "wxr-1.2.xml")).size());
    List<WxrItem> polylang = items(ImportFixtures.fixture(dir, "polylang.xml"));
    assertEquals("Bridge closed for repairs", polylang.get(0).field("title"));
    assertEquals("pll_60a1b2c3d4f00", polylang.get(0).terms("post_translations").get(0).nicename());
    List<WxrItem> wpml = items(ImportFixtures.fixture(dir, "wpml.xml"));
    assertEquals("ru", wpml.get(1).meta().get("_wpml_import_language_code"));
    assertEquals("2024-03-17 06:10:00", wpml.get(1).field("wp:post_date_gmt"));
    Path odd =
        write(
            "prefixes.xml",
            HEAD.replace("xmlns:wp=", "xmlns:w=").replace("wp:wxr_version", "w:wxr_version")
                + "<item><w:post_id xmlns:w=\"http://wordpress.org/export/1.2/\">9</w:post_id>"
                + "</item></channel></rss>");
    assertEquals(9, items(odd).get(0).postId());
  }

  @Test
  void contentWithCdataSplitAroundTheEndMarkerIsWhole() throws IOException {
    Path file =
        write(
            "cdata.xml",
            HEAD
                + "<item><content:encoded><![CDATA[a ]]]]><![CDATA[> b]]></content:encoded>"
                + "</item></channel></rss>");
    assertEquals("a ]]> b", items(file).get(0).field("content:encoded"));
  }

  @Test
  void malformedXmlNamesLineAndColumn() throws IOException {
    Path file = write("bad.xml", HEAD + "<item>\n<title>x</titel>\n</item></channel></rss>");
    String message = failure(file);
    assertTrue(message.startsWith("malformed XML at line 7, column "), message);
    assertTrue(message.contains("titel") || message.contains("title"), message);
  }

  @Test
  void invalidUtf8IsNamedAsSuch() throws IOException {
    byte[] head = (HEAD + "<item><title>caf").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
    String message = failure(Files.write(dir.resolve("latin.xml"), bytes));
    assertTrue(message.startsWith("invalid UTF-8 at line 6"), message);
  }

  @Test
  void aTruncatedFileIsReportedAsSuch() throws IOException {
    String whole = Files.readString(ImportFixtures.fixture(dir, "wxr-1.2.xml"));
    Path cut = write("cut.xml", whole.substring(0, whole.length() / 2));
    String message = failure(cut);
    assertTrue(message.startsWith("the file ends in the middle (truncated?) at line "), message);
  }

  @Test
  void doctypesAndEntityBombsAreRefusedBeforeAnyExpansion() throws IOException {
    Path bomb =
        write(
            "bomb.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            ]>
            <rss><channel><title>&e;&e;&e;&e;</title></channel></rss>
            """);
    String message = failure(bomb);
    assertTrue(message.startsWith("refused: the file declares a DOCTYPE"), message);
    Path secret = write("secret.txt", "top secret");
    Path external =
        write(
            "xxe.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]>\n"
                + HEAD.substring(HEAD.indexOf("<rss"))
                + "<item><title>&x;</title></item></channel></rss>");
    String refused = failure(external);
    assertTrue(refused.startsWith("refused: the file declares a DOCTYPE"), refused);
    assertFalse(refused.contains("top secret"));
  }

  @Test
  void anUndeclaredEntityIsMalformed() throws IOException {
    String message =
        failure(write("entity.xml", HEAD + "<item><title>&nbsp;</title></item></channel></rss>"));
    assertTrue(message.startsWith("malformed XML at line 6"), message);
  }

  @Test
  void otherXmlIsNotAWordPressExport() throws IOException {
    assertEquals(
        "not a WordPress export: the root element is <html>, not <rss>",
        failure(write("page.xml", "<html><body/></html>")));
    String rss = failure(write("feed.xml", "<rss><channel><title>A feed</title></channel></rss>"));
    assertTrue(rss.startsWith("not a WordPress export: no <wp:wxr_version>"), rss);
    String future = failure(write("v2.xml", HEAD.replace(">1.2<", ">2.0<") + "</channel></rss>"));
    assertEquals("unsupported WXR version 2.0 (1.0, 1.1 and 1.2 are read)", future);
  }
}
