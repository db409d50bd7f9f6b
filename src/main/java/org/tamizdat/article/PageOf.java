package org.tamizdat.article;

import java.util.List;

/** One page of a listing; pages count from 1. */
public record PageOf<T>(List<T> items, int page, int pageSize, long total) {

  public int pageCount() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pageCount();
  }
}
