package org.tamizdat.site;

import java.util.List;

/** An article in a listing. Strings are already typeset for the edition's language. */
public record Card(
    String url,
    String kicker,
    String title,
    String dek,
    List<Link> authors,
    String date,
    String dateIso,
    String imageUrl,
    Link section) {}
