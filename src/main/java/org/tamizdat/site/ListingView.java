package org.tamizdat.site;

import java.util.List;

/** A home, section, tag or author page. */
public record ListingView(
    Chrome chrome,
    String heading,
    String intro,
    List<Card> cards,
    Pager pager,
    boolean featureFirst,
    /** The author's photo on an author's page; null elsewhere. */
    Picture photo) {}
