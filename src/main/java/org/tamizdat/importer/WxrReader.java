package org.tamizdat.importer;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress eXtended RSS file (WXR 1.0, 1.1, 1.2): only one {@code <item>} is held at a
 * time, so memory stays flat however large the export. DTDs are refused outright (a WXR file never
 * has one; an entity-expansion bomb needs one) and external entities are never resolved.
 */
public final class WxrReader {
  /** Receives what the export holds, in file order. */
  public interface Visitor {
    /** A simple channel element such as {@code title}, {@code wp:base_site_url}. */
    default void channel(String name, String text) {}

    /** A channel element with children: {@code wp:author}, {@code wp:category}, {@code wp:term}. */
    default void record(String name, Map<String, String> fields) {}

    default void item(WxrItem item) {}
  }

  private final XMLInputFactory factory;

  public WxrReader() {
    // The JDK's own parser, whatever else is on the class path, so the limits below are known.
    factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // Text split into several CDATA sections (how "]]>" is escaped) arrives as one string.
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // Problems become exceptions with a place; nothing is printed to the console.
    factory.setXMLReporter((message, type, info, location) -> {});
  }

  /** Reads {@code file} to the end; {@code progress} is told how many bytes have been read. */
  public void read(Path file, LongConsumer progress, Visitor visitor) {
    Counting in = null;
    try (Counting counting = new Counting(Files.newInputStream(file), progress)) {
      in = counting;
      XMLStreamReader xml =
          factory.createXMLStreamReader(new BufferedInputStream(counting, 1 << 16));
      try {
        document(xml, visitor);
      } catch (XMLStreamException e) {
        throw problem(e, e.getLocation() != null ? e.getLocation() : xml.getLocation(), counting);
      } catch (java.util.MissingResourceException e) {
        // The JDK's parser fails to find its own message for some malformed DTD text (found by
        // fuzzing); it is still malformed XML, said with where it stopped.
        throw problem(
            new XMLStreamException("malformed document type declaration", xml.getLocation()),
            xml.getLocation(),
            counting);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw problem(e, e.getLocation(), in);
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private void document(XMLStreamReader xml, Visitor visitor) throws XMLStreamException {
    boolean sawRss = false;
    boolean sawVersion = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw refused(xml, "the file declares a DOCTYPE, which a WordPress export never has");
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = name(xml);
      if (!sawRss) {
        if (!name.equals("rss")) {
          throw new ImportException(
              "not a WordPress export: the root element is <" + name + ">, not <rss>");
        }
        sawRss = true;
      } else if (name.equals("channel")) {
        sawVersion |= channel(xml, visitor);
      } else {
        text(xml);
      }
    }
    if (!sawRss || !sawVersion) {
      throw new ImportException(
          "not a WordPress export: no <wp:wxr_version> in the channel (export it with Tools >"
              + " Export in WordPress)");
    }
  }

  /** Reads the channel's children; returns whether it named a WXR version. */
  private boolean channel(XMLStreamReader xml, Visitor visitor) throws XMLStreamException {
    boolean sawVersion = false;
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = name(xml);
      if (name.equals("item")) {
        visitor.item(item(xml));
        continue;
      }
      Map<String, String> children = new LinkedHashMap<>();
      String text = flat(xml, children);
      if (children.isEmpty()) {
        if (name.equals("wp:wxr_version")) {
          if (!text.strip().startsWith("1.")) {
            throw new ImportException(
                "unsupported WXR version " + text.strip() + " (1.0, 1.1 and 1.2 are read)");
          }
          sawVersion = true;
        }
        visitor.channel(name, text);
      } else {
        visitor.record(name, children);
      }
    }
    return sawVersion;
  }

  private WxrItem item(XMLStreamReader xml) throws XMLStreamException {
    Map<String, String> fields = new LinkedHashMap<>();
    List<WxrItem.Term> terms = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    int comments = 0;
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = name(xml);
      switch (name) {
        case "category" -> {
          String domain = attribute(xml, "domain");
          String nicename = attribute(xml, "nicename");
          terms.add(new WxrItem.Term(domain, nicename, text(xml)));
        }
        case "wp:postmeta" -> {
          Map<String, String> pair = new LinkedHashMap<>();
          flat(xml, pair);
          meta.putIfAbsent(
              pair.getOrDefault("wp:meta_key", ""), pair.getOrDefault("wp:meta_value", ""));
        }
        case "wp:comment" -> {
          text(xml);
          comments++;
        }
        default -> fields.put(name, text(xml));
      }
    }
    return new WxrItem(fields, terms, meta, comments);
  }

  /**
   * Reads the current element: its own text is returned, each child's whole text goes into {@code
   * children}.
   */
  private static String flat(XMLStreamReader xml, Map<String, String> children)
      throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.put(name(xml), text(xml));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return text.toString();
        }
        default -> {}
      }
    }
  }

  /** All text inside the current element, nested elements included; leaves it consumed. */
  private static String text(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        default -> {}
      }
    }
    return text.toString();
  }

  private static String attribute(XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? "" : value;
  }

  /**
   * The element's name with a fixed prefix per namespace, whatever prefix the file chose: {@code
   * wp:} for every WXR version, {@code content:}, {@code excerpt:}, {@code dc:}.
   */
  private static String name(XMLStreamReader xml) {
    String uri = xml.getNamespaceURI();
    String local = xml.getLocalName();
    if (uri == null || uri.isEmpty()) {
      return local;
    }
    if (uri.startsWith("http://wordpress.org/export/")) {
      return (uri.contains("/excerpt/") ? "excerpt:" : "wp:") + local;
    }
    if (uri.startsWith("http://purl.org/rss/1.0/modules/content")) {
      return "content:" + local;
    }
    if (uri.startsWith("http://purl.org/dc/elements/")) {
      return "dc:" + local;
    }
    return "{" + uri + "}" + local;
  }

  private static ImportException refused(XMLStreamReader xml, String why) {
    Location at = xml.getLocation();
    return new ImportException(
        "refused: "
            + why
            + " (line "
            + at.getLineNumber()
            + ", column "
            + at.getColumnNumber()
            + ")");
  }

  /** One line naming the place and, in words, the kind of damage. */
  static ImportException problem(XMLStreamException e, Location at, Counting in) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int cut = message.indexOf("Message: ");
    String detail = (cut >= 0 ? message.substring(cut + 9) : message).strip();
    String kind;
    if (e.getNestedException() instanceof CharConversionException || detail.contains("UTF-8")) {
      kind = "invalid UTF-8";
    } else if (detail.contains("must start and end within the same entity")
        || detail.contains("end of file")
        || (in != null && at != null && in.endsOnLine(at.getLineNumber()))) {
      kind = "the file ends in the middle (truncated?)";
    } else {
      kind = "malformed XML";
    }
    String where =
        at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return new ImportException(kind + where + ": " + detail);
  }

  /** Counts bytes as the parser pulls them, for the progress bar. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;
    private long count;
    private long newlines;
    private boolean ended;

    /** Whether the whole file was read and {@code line} is its last: the error is its end. */
    boolean endsOnLine(int line) {
      return ended && line >= newlines;
    }

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        newlines += b == '\n' ? 1 : 0;
        progress.accept(++count);
      } else {
        ended = true;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        for (int i = offset; i < offset + n; i++) {
          newlines += buffer[i] == '\n' ? 1 : 0;
        }
        count += n;
        progress.accept(count);
      } else if (n < 0) {
        ended = true;
      }
      return n;
    }
  }
}
