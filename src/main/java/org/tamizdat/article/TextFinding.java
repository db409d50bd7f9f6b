package org.tamizdat.article;

/**
 * Where an article's text gives something away: the field ({@code title}, {@code body}, {@code
 * tags} ...), the character offset in that field, a short excerpt of the article's text around it,
 * and what it matched, described without the secret (e.g. "real name of source “Sergei”").
 */
public record TextFinding(String field, int position, String snippet, String what) {
  @Override
  public String toString() {
    // Snippets quote protected text: keep them out of anything that prints records.
    return "TextFinding[" + field + "@" + position + ", " + what + "]";
  }
}
