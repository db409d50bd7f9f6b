package org.tamizdat.article;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresArticleSnapshotTest extends ArticleSnapshotContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
