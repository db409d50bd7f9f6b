package org.tamizdat.ticker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MOEX ISS futures securities ({@code engines/futures/markets/forts/securities.json}): blocks such
 * as {@code securities} and {@code marketdata}, each a {@code columns} array and {@code data} rows.
 * Every value is read by column name, never by position. The only class that reads this format.
 */
public final class MoexFuturesParser {
  /**
   * The front-month contract's price.
   *
   * @param priceColumn LAST, or the settlement column it fell back to
   * @param updated the exchange's time of the data (Moscow), when given
   */
  public record FrontMonth(
      String secId,
      LocalDate lastTradeDate,
      BigDecimal price,
      String priceColumn,
      Optional<LocalDateTime> updated) {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter SYSTIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** One block: values looked up by column name. */
  private record Table(String name, List<String> columns, List<List<Object>> rows) {
    int column(String column) throws UpstreamProblem {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new UpstreamProblem("unknown column layout: " + name + " has no " + column);
      }
      return index;
    }

    Object value(List<Object> row, String column) {
      int index = columns.indexOf(column);
      return index < 0 ? null : row.get(index);
    }
  }

  /** The contract of {@code assetCode} whose last trading day is the nearest not before today. */
  public FrontMonth parse(byte[] body, String assetCode, LocalDate today) throws UpstreamProblem {
    UpstreamBodies.requireData(body, "JSON");
    Map<String, Table> tables = read(body);
    Table securities = require(tables, "securities");
    Table marketdata = require(tables, "marketdata");
    int secIdColumn = securities.column("SECID");
    int assetColumn = securities.column("ASSETCODE");
    int lastTradeColumn = securities.column("LASTTRADEDATE");
    marketdata.column("SECID");
    marketdata.column("LAST");
    List<Object> contract =
        securities.rows().stream()
            .filter(row -> assetCode.equals(row.get(assetColumn)))
            .filter(row ->
                tradeDate(row.get(lastTradeColumn)).filter(d -> !d.isBefore(today)).isPresent())
            .min(Comparator.comparing(row -> tradeDate(row.get(lastTradeColumn)).orElseThrow()))
            .orElseThrow(() ->
                new UpstreamProblem("no " + assetCode + " contract trading on or after " + today));
    String secId = String.valueOf(contract.get(secIdColumn));
    List<Object> market =
        marketdata.rows().stream()
            .filter(row -> secId.equals(marketdata.value(row, "SECID")))
            .findFirst()
            .orElse(List.of());
    Map<String, Object> candidates = new java.util.LinkedHashMap<>();
    if (!market.isEmpty()) {
      candidates.put("LAST", marketdata.value(market, "LAST"));
      candidates.put("SETTLEPRICE", marketdata.value(market, "SETTLEPRICE"));
    }
    candidates.put("PREVSETTLEPRICE", securities.value(contract, "PREVSETTLEPRICE"));
    for (Map.Entry<String, Object> candidate : candidates.entrySet()) {
      Optional<BigDecimal> price = price(candidate.getKey(), candidate.getValue());
      if (price.isPresent()) {
        return new FrontMonth(
            secId,
            tradeDate(contract.get(lastTradeColumn)).orElseThrow(),
            price.get(),
            candidate.getKey(),
            market.isEmpty() ? Optional.empty() : systime(marketdata.value(market, "SYSTIME")));
      }
    }
    throw new UpstreamProblem("no price for " + secId + " (LAST and settlement prices empty)");
  }

  /** Null or zero (what ISS shows before the first trade) means "no price here". */
  private static Optional<BigDecimal> price(String column, Object value) throws UpstreamProblem {
    BigDecimal number;
    if (value == null) {
      return Optional.empty();
    } else if (value instanceof BigDecimal decimal) {
      number = decimal;
    } else {
      try {
        number = new BigDecimal(value.toString().strip());
      } catch (NumberFormatException e) {
        throw new UpstreamProblem("malformed number '" + value + "' in " + column);
      }
    }
    return number.signum() == 0 ? Optional.empty() : Optional.of(number);
  }

  private static Optional<LocalDate> tradeDate(Object value) {
    try {
      return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value.toString()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDateTime> systime(Object value) throws UpstreamProblem {
    try {
      return value == null
          ? Optional.empty()
          : Optional.of(LocalDateTime.parse(value.toString(), SYSTIME));
    } catch (DateTimeParseException e) {
      throw new UpstreamProblem("malformed SYSTIME '" + value + "'");
    }
  }

  private static Table require(Map<String, Table> tables, String name) throws UpstreamProblem {
    Table table = tables.get(name);
    if (table == null) {
      throw new UpstreamProblem("unknown column layout: no " + name + " block");
    }
    return table;
  }

  private static Map<String, Table> read(byte[] body) throws UpstreamProblem {
    Map<String, Table> tables = new HashMap<>();
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new UpstreamProblem("malformed JSON: an object was expected");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        if (json.nextToken() == JsonToken.START_OBJECT) {
          tables.put(name, table(name, json));
        } else {
          json.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      String what = String.valueOf(e.getOriginalMessage()).split("[:(\\n]")[0].strip();
      throw new UpstreamProblem(
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + what);
    } catch (IOException e) {
      throw new UpstreamProblem("unreadable JSON: " + e.getMessage());
    }
    return tables;
  }

  private static Table table(String name, JsonParser json) throws IOException, UpstreamProblem {
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken start = json.nextToken();
      if (field.equals("columns") && start == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          columns.add(json.getValueAsString());
        }
      } else if (field.equals("data") && start == JsonToken.START_ARRAY) {
        while (json.nextToken() == JsonToken.START_ARRAY) {
          rows.add(row(json));
        }
      } else {
        json.skipChildren();
      }
    }
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new UpstreamProblem(
            "unknown column layout: "
                + name
                + " row of "
                + row.size()
                + " values for "
                + columns.size()
                + " columns");
      }
    }
    return new Table(name, columns, rows);
  }

  /** A number as a decimal; one Jackson will not hold (an absurd exponent) is a bad answer. */
  private static java.math.BigDecimal decimal(JsonParser json) throws IOException, UpstreamProblem {
    try {
      return json.getDecimalValue();
    } catch (NumberFormatException e) {
      throw new UpstreamProblem("malformed JSON: a number out of range in a data row");
    }
  }

  private static List<Object> row(JsonParser json) throws IOException, UpstreamProblem {
    List<Object> row = new ArrayList<>();
    for (JsonToken token = json.nextToken();
        token != JsonToken.END_ARRAY;
        token = json.nextToken()) {
      switch (token) {
        case VALUE_NULL -> row.add(null);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> row.add(decimal(json));
        case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> row.add(json.getValueAsString());
        default -> throw new UpstreamProblem("malformed JSON: nested value in a data row");
      }
    }
    return row;
  }
}
