package org.tamizdat.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class LeadImagesTest {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final List<String> SEEDS =
      IntStream.range(0, 200).mapToObj(i -> "article-" + i).toList();
  private static final Pattern URL_REF = Pattern.compile("url\\(([^)]*)\\)");

  @Test
  void sameSeedGivesSameBytes() {
    byte[] first =
        LeadImages.svg("exile-report", "Фото: Тамиздат").getBytes(StandardCharsets.UTF_8);
    byte[] again =
        LeadImages.svg("exile-report", "Фото: Тамиздат").getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(first, again);
  }

  @Test
  void differentSeedsGiveDifferentCompositions() {
    Set<String> images = new HashSet<>();
    Set<String> skies = new HashSet<>();
    for (String seed : SEEDS) {
      String svg = LeadImages.svg(seed, "");
      images.add(svg);
      skies.add(svg.substring(svg.indexOf("stop-color=")).substring(0, 20));
    }
    assertEquals(SEEDS.size(), images.size(), "two seeds drew the same picture");
    assertTrue(skies.size() >= 6, "palettes used: " + skies.size());
    assertNotEquals(LeadImages.svg("a", "x"), LeadImages.svg("b", "x"));
  }

  @Test
  void outputIsSafeSvg() throws Exception {
    for (String seed : SEEDS) {
      String svg = LeadImages.svg(seed, "Illustration");
      Element root = parse(svg).getDocumentElement();
      assertEquals("svg", root.getLocalName());
      assertEquals(SVG_NS, root.getNamespaceURI());
      assertEquals("0 0 1200 675", root.getAttribute("viewBox"));
      assertEquals("1200", root.getAttribute("width"));
      assertEquals("675", root.getAttribute("height"));
      assertSafe(root, svg);
      String outsideNamespace = svg.replace("xmlns=\"" + SVG_NS + "\"", "");
      assertFalse(outsideNamespace.toLowerCase(Locale.ROOT).contains("http"), seed);
    }
  }

  @Test
  void labelIsEscapedAndKeptIntact() throws Exception {
    for (String label : List.of("<&>", "Фото: Тамиздат", "\"quoted\" & 'single'")) {
      String svg = LeadImages.svg("seed", label);
      assertFalse(svg.contains("<&>"));
      assertEquals(label, text(parse(svg)));
    }
    assertTrue(LeadImages.svg("seed", "<&>").contains("&lt;&amp;&gt;"));
    // A control character is not allowed in XML 1.0 and would break the whole document.
    assertEquals("a b", text(parse(LeadImages.svg("seed", "a\u0000b"))));
    assertEquals(0, parse(LeadImages.svg("seed", "")).getElementsByTagName("text").getLength());
  }

  @Test
  void staysUnderEightKilobytesEvenWithTheLongestLabel() {
    String escapes = "&".repeat(LeadImages.MAX_LABEL_CODE_POINTS + 20);
    String cyrillic = "Ж".repeat(LeadImages.MAX_LABEL_CODE_POINTS + 20);
    for (String seed : SEEDS) {
      for (String label : List.of(escapes, cyrillic)) {
        int size = LeadImages.svg(seed, label).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size < 8192, seed + " is " + size + " bytes");
      }
    }
  }

  @Test
  void parserRejectsDoctype() {
    String xml = "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"" + SVG_NS + "\">&x;</svg>";
    assertThrows(SAXParseException.class, () -> parse(xml));
  }

  /** No styles, scripts, event handlers, embedded content or references outside the file. */
  private static void assertSafe(Element root, String svg) {
    Set<String> ids = new HashSet<>();
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element el = (Element) all.item(i);
      assertEquals(SVG_NS, el.getNamespaceURI());
      String name = el.getLocalName();
      assertFalse(
          Set.of("style", "script", "foreignObject", "image", "use", "a", "iframe").contains(name),
          name);
      NamedNodeMap attrs = el.getAttributes();
      for (int j = 0; j < attrs.getLength(); j++) {
        Attr attr = (Attr) attrs.item(j);
        String attrName = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
        assertNotEquals("style", attrName);
        assertFalse(attrName.startsWith("on"), attrName);
        assertFalse(attrName.equals("href") && !attr.getValue().startsWith("#"), attr.getValue());
        if (attrName.equals("font-family")) {
          assertEquals("sans-serif", attr.getValue());
        }
        if (attrName.equals("id")) {
          ids.add(attr.getValue());
        }
      }
    }
    Matcher ref = URL_REF.matcher(svg);
    while (ref.find()) {
      String target = ref.group(1);
      assertTrue(target.startsWith("#") && ids.contains(target.substring(1)), target);
    }
  }

  private static String text(Document doc) {
    return doc.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent();
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    // The default handler also prints fatal errors to stderr; this one only throws them.
    builder.setErrorHandler(new DefaultHandler());
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
