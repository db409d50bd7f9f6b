package org.tamizdat.site;

import java.util.List;

/**
 * An article in a listing. Strings are already typeset for the edition's language. {@code picture}
 * is set when the lead image is in the media library.
 */
public record Card(
    String url,
    String kicker,
    String title,
    String dek,
    List<Link> authors,
    String date,
    String dateIso,
    String imageUrl,
    Link section,
    Picture picture) {

  public Card(
      String url,
      String kicker,
      String title,
      String dek,
      List<Link> authors,
      String date,
      String dateIso,
      String imageUrl,
      Link section) {
    this(url, kicker, title, dek, authors, date, dateIso, imageUrl, section, null);
  }
}
