package org.tamizdat.search;

/** A matching article, by id, with the passage of its body that matched. */
public record SearchHit(long articleId, Snippet snippet) {}
