package org.tamizdat.search;

import java.time.LocalDate;
import org.tamizdat.article.Language;

/**
 * One search: the query and its filters. {@code section}, {@code from} and {@code to} may be null
 * (no filter); dates are whole days in the newsroom's time zone, both ends included.
 */
public record SearchRequest(
    Language lang,
    UserQuery query,
    String section,
    LocalDate from,
    LocalDate to,
    Order order,
    int page,
    int pageSize) {

  /** How results are ordered. */
  public enum Order {
    RELEVANCE,
    NEWEST
  }
}
