package org.tamizdat.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * The secret key files of an installation, by the name they carry in an archive. They are listed in
 * every manifest but copied only when asked: a backup travels (to another disk, another country, a
 * colleague), and an archive stolen together with the sources key reveals every protected source in
 * it; without the key the sealed columns stay sealed.
 */
public record KeyFiles(Map<String, Path> byName) {
  public KeyFiles {
    byName = Map.copyOf(byName);
  }
}
