import type { Migration } from './types'

/**
 * Issue 15, product search at national scale: a substring search over the folded text (`name_fold`, written by the
 * services with `foldVietnamese`) scanned every product with three LIKEs. `product_search` is an FTS5 index with the
 * trigram tokenizer over exactly what that LIKE compared — the product's folded name, its code (lower-cased as LIKE
 * compares ASCII letters) and its producer's folded name — keyed by the product id, so a query of three characters
 * or more is an index look-up with the same matches (products.list falls back to the LIKE scan for shorter ones).
 * `case_sensitive 1`: both sides are already folded, so the index compares them as they are. The index is derived
 * data, kept in sync by triggers on every insert, update and delete of products and on a producer's rename, and
 * filled here from the existing rows. FTS5's own tables cannot be STRICT (the schema guard exempts them).
 */
const ROW = `NEW.id, NEW.name_fold, lower(NEW.code), (SELECT name_fold FROM producers WHERE id = NEW.producer_id)`

export const m012ProductSearch: Migration = {
  version: 12,
  name: 'product search index (FTS5 trigram over the folded names and the code)',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE product_search USING fts5(name, code, producer, tokenize = 'trigram case_sensitive 1');
      INSERT INTO product_search (rowid, name, code, producer)
        SELECT x.id, x.name_fold, lower(x.code), p.name_fold FROM products x JOIN producers p ON p.id = x.producer_id;

      CREATE TRIGGER product_search_insert AFTER INSERT ON products BEGIN
        DELETE FROM product_search WHERE rowid = NEW.id;
        INSERT INTO product_search (rowid, name, code, producer) VALUES (${ROW});
      END;
      CREATE TRIGGER product_search_update AFTER UPDATE OF id, name_fold, code, producer_id ON products BEGIN
        DELETE FROM product_search WHERE rowid = OLD.id;
        INSERT INTO product_search (rowid, name, code, producer) VALUES (${ROW});
      END;
      CREATE TRIGGER product_search_delete AFTER DELETE ON products BEGIN
        DELETE FROM product_search WHERE rowid = OLD.id;
      END;
      CREATE TRIGGER product_search_producer AFTER UPDATE OF name_fold ON producers WHEN NEW.name_fold IS NOT OLD.name_fold BEGIN
        UPDATE product_search SET producer = NEW.name_fold WHERE rowid IN (SELECT id FROM products WHERE producer_id = NEW.id);
      END;
    `)
  }
}
