package org.tamizdat.ticker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Central Bank of Russia's daily rates ({@code XML_daily.asp}): windows-1251 XML, a root {@code
 * ValCurs Date="DD.MM.YYYY"} and one {@code Valute} per currency whose {@code Value} (with a
 * decimal comma) is for {@code Nominal} units. The only class that reads this format.
 *
 * <p>DTDs are refused outright, so no entity can be expanded or fetched.
 */
public final class CbrDailyParser {
  /**
   * @param perUnit rate in roubles for one unit of each wanted currency found valid
   * @param problems why a wanted currency is missing from {@code perUnit}
   */
  public record Rates(LocalDate date, Map<String, BigDecimal> perUnit, List<String> problems) {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final int SCALE = 6;

  public Rates parse(byte[] body, List<String> wanted) throws UpstreamProblem {
    UpstreamBodies.requireData(body, "XML");
    Element root = read(body).getDocumentElement();
    if (!root.getTagName().equals("ValCurs")) {
      throw new UpstreamProblem("unexpected root element <" + root.getTagName() + ">");
    }
    LocalDate date = date(root.getAttribute("Date"));
    Map<String, Element> byCode = new LinkedHashMap<>();
    NodeList valutes = root.getElementsByTagName("Valute");
    for (int i = 0; i < valutes.getLength(); i++) {
      Element valute = (Element) valutes.item(i);
      byCode.putIfAbsent(text(valute, "CharCode"), valute);
    }
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String code : wanted) {
      Element valute = byCode.get(code);
      if (valute == null) {
        problems.add(code + ": missing from the file");
        continue;
      }
      try {
        rates.put(code, perUnit(valute));
      } catch (UpstreamProblem e) {
        problems.add(code + ": " + e.reason());
      }
    }
    return new Rates(date, rates, problems);
  }

  private static BigDecimal perUnit(Element valute) throws UpstreamProblem {
    String nominalText = text(valute, "Nominal");
    if (!nominalText.matches("[1-9]\\d{0,6}")) {
      throw new UpstreamProblem("malformed Nominal '" + nominalText + "'");
    }
    String valueText = text(valute, "Value");
    if (!valueText.matches("-?\\d{1,9}([,.]\\d{1,8})?")) {
      throw new UpstreamProblem("malformed number '" + valueText + "'");
    }
    BigDecimal value = new BigDecimal(valueText.replace(',', '.'));
    if (value.signum() <= 0) {
      throw new UpstreamProblem("rate must be positive, got " + valueText);
    }
    return value.divide(new BigDecimal(nominalText), SCALE, RoundingMode.HALF_EVEN);
  }

  private static LocalDate date(String raw) throws UpstreamProblem {
    try {
      return LocalDate.parse(raw, DATE);
    } catch (DateTimeParseException e) {
      throw new UpstreamProblem("missing or malformed Date '" + raw + "'");
    }
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
  }

  private static Document read(byte[] body) throws UpstreamProblem {
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setErrorHandler(THROWING);
      // From bytes, so the parser honours the declared encoding (windows-1251).
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      throw new UpstreamProblem(
          message.contains("DOCTYPE")
              ? "XML with a DTD refused"
              : "not well-formed XML: " + message);
    } catch (IOException | ParserConfigurationException e) {
      throw new UpstreamProblem("unreadable XML: " + e.getMessage());
    }
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** The default handler prints to stderr; we report through the exception instead. */
  private static final ErrorHandler THROWING =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
