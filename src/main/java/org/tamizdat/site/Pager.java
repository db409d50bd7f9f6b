package org.tamizdat.site;

/** Links to newer and older pages of a listing; null where there is none. */
public record Pager(String newerUrl, String olderUrl, String label) {
  public boolean isNeeded() {
    return newerUrl != null || olderUrl != null;
  }
}
