package org.tamizdat.feed;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small fluent front to the JDK's StAX writer, which does the escaping. Text is also cleaned of
 * the few characters XML 1.0 cannot hold at all, which an editor could paste in by accident.
 */
final class XmlOutput {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
  private final XMLStreamWriter xml;
  private final Map<String, String> namespaces = new HashMap<>();

  XmlOutput() {
    try {
      xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens the root element in namespace {@code uri} (empty for none) and declares prefixes, given
   * as prefix and URI pairs (in order: the same input must give the same bytes, for ETags and the
   * export's hashes).
   */
  XmlOutput root(String name, String uri, String... prefixed) {
    return write(() -> {
      xml.writeStartElement("", name, uri);
      if (!uri.isEmpty()) {
        xml.setDefaultNamespace(uri);
        xml.writeDefaultNamespace(uri);
      }
      namespaces.put("", uri);
      for (int i = 0; i < prefixed.length; i += 2) {
        xml.setPrefix(prefixed[i], prefixed[i + 1]);
        xml.writeNamespace(prefixed[i], prefixed[i + 1]);
        namespaces.put(prefixed[i], prefixed[i + 1]);
      }
    });
  }

  /** Opens {@code name}, which may carry a declared prefix ({@code xhtml:link}). */
  XmlOutput start(String name) {
    return write(() -> {
      int colon = name.indexOf(':');
      String prefix = colon < 0 ? "" : name.substring(0, colon);
      xml.writeStartElement(prefix, name.substring(colon + 1), namespaces.get(prefix));
    });
  }

  private XmlOutput startEmpty(String name) {
    return write(() -> {
      int colon = name.indexOf(':');
      String prefix = colon < 0 ? "" : name.substring(0, colon);
      xml.writeEmptyElement(prefix, name.substring(colon + 1), namespaces.get(prefix));
    });
  }

  XmlOutput attr(String name, String value) {
    return write(() -> xml.writeAttribute(name, clean(value)));
  }

  XmlOutput lang(String code) {
    return write(() -> xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", code));
  }

  XmlOutput text(String text) {
    return write(() -> xml.writeCharacters(clean(text)));
  }

  XmlOutput end() {
    return write(xml::writeEndElement);
  }

  /** {@code <name>text</name>}. */
  XmlOutput element(String name, String text) {
    return start(name).text(text).end();
  }

  /** {@code <name a="v" .../>} with attribute name and value pairs; null values are left out. */
  XmlOutput empty(String name, String... attributes) {
    startEmpty(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        attr(attributes[i], attributes[i + 1]);
      }
    }
    return this;
  }

  byte[] finish() {
    write(() -> {
      xml.writeEndDocument();
      xml.close();
    });
    return bytes.toByteArray();
  }

  /** Drops what XML 1.0 forbids: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1)))
              || (Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private interface XmlStep {
    void run() throws XMLStreamException;
  }

  private XmlOutput write(XmlStep step) {
    try {
      step.run();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }
}
