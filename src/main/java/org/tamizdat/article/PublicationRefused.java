package org.tamizdat.article;

import java.util.List;

/**
 * Publishing or scheduling was refused: the text names a protected source, or the guard cannot
 * check it (no key). The message never contains the protected text; the findings do (they quote the
 * article's own text around each occurrence) and are for the editor's screen only, never for a log.
 */
public final class PublicationRefused extends RuntimeException {
  private final List<TextFinding> findings;

  public PublicationRefused(String message, List<TextFinding> findings) {
    super(message, null, false, false);
    this.findings = List.copyOf(findings);
  }

  public List<TextFinding> findings() {
    return findings;
  }
}
