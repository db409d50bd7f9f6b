package org.tamizdat.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.StringJoiner;
import org.tamizdat.web.Request;

/**
 * The search form's fields as read from the address. Anything malformed is dropped rather than
 * refused: a reader's hand-edited or truncated link should still search.
 */
public record SearchForm(
    UserQuery query,
    String section,
    LocalDate from,
    LocalDate to,
    SearchRequest.Order order,
    int page) {
  static final int MAX_PAGE = 100;

  static SearchForm read(Request request, Set<String> sections) {
    UserQuery query = UserQuery.of(request.query("q").orElse(""));
    String section = request.query("section").filter(sections::contains).orElse(null);
    LocalDate from = date(request, "from");
    LocalDate to = date(request, "to");
    if (from != null && to != null && from.isAfter(to)) {
      LocalDate swap = from;
      from = to;
      to = swap;
    }
    SearchRequest.Order order =
        request.query("sort").filter("newest"::equals).isPresent()
            ? SearchRequest.Order.NEWEST
            : SearchRequest.Order.RELEVANCE;
    String rawPage = request.query("page").orElse("1");
    int page =
        rawPage.matches("[0-9]{1,3}") ? Math.clamp(Integer.parseInt(rawPage), 1, MAX_PAGE) : 1;
    return new SearchForm(query, section, from, to, order, page);
  }

  private static LocalDate date(Request request, String name) {
    String raw = request.query(name).orElse("").strip();
    if (!raw.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String text() {
    return query.text();
  }

  public String fromValue() {
    return from == null ? "" : from.toString();
  }

  public String toValue() {
    return to == null ? "" : to.toString();
  }

  /** The address of page {@code n} of the same search. */
  String link(String action, int n) {
    StringJoiner params = new StringJoiner("&", action + "?", "");
    params.add("q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
    if (section != null) {
      params.add("section=" + URLEncoder.encode(section, StandardCharsets.UTF_8));
    }
    if (from != null) {
      params.add("from=" + from);
    }
    if (to != null) {
      params.add("to=" + to);
    }
    if (order == SearchRequest.Order.NEWEST) {
      params.add("sort=newest");
    }
    if (n > 1) {
      params.add("page=" + n);
    }
    return params.toString();
  }
}
