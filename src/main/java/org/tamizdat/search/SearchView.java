package org.tamizdat.search;

import java.util.List;
import org.tamizdat.site.Card;
import org.tamizdat.site.Pager;

/**
 * The search page: the form as the reader filled it, then a summary and results, or a notice.
 * {@code results} is empty and {@code summary} null until there is a query.
 */
public record SearchView(
    Form form, String notice, String summary, List<Result> results, Pager pager) {

  /** The form: where it sends, what was filled in, and the choices of its select boxes. */
  public record Form(
      String action, SearchForm values, List<Option> sections, List<Option> orders) {}

  /** A choice in a select box. */
  public record Option(String value, String label, boolean selected) {}

  /** One found article. */
  public record Result(Card card, Snippet snippet) {}
}
