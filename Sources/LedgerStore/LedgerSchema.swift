import GRDB

/// The SQLite schema, as named, append-only migrations.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                -- One row per log entry. `bytes` is the exact JCS entry (the Merkle leaf data).
                -- `nodes` holds the perfect-subtree hashes this leaf completes, levels 1...k,
                -- 32 bytes each, so a node (level l, index j) lives in row (j+1)*2^l - 1.
                CREATE TABLE entries (
                    idx INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    stream_version INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    signer TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    leaf_hash BLOB NOT NULL,
                    nodes BLOB
                );
                CREATE UNIQUE INDEX entries_by_id ON entries(id);
                CREATE UNIQUE INDEX entries_by_stream ON entries(stream, stream_version);

                -- Keys as replayed from the key events (derived; `coledger verify` rechecks from the log).
                CREATE TABLE keys (
                    key_id TEXT PRIMARY KEY,
                    public_key BLOB NOT NULL,
                    registered_at INTEGER NOT NULL,
                    revoked_at INTEGER,
                    is_admin INTEGER NOT NULL,
                    holder TEXT
                ) WITHOUT ROWID;

                CREATE TABLE checkpoints (
                    size INTEGER PRIMARY KEY,
                    root BLOB NOT NULL,
                    note TEXT NOT NULL,
                    signed_at TEXT NOT NULL
                );

                CREATE TRIGGER entries_append_only_update BEFORE UPDATE ON entries
                BEGIN SELECT RAISE(ABORT, 'coledger: entries are append-only'); END;
                CREATE TRIGGER entries_append_only_delete BEFORE DELETE ON entries
                BEGIN SELECT RAISE(ABORT, 'coledger: entries are append-only'); END;
                CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
                BEGIN SELECT RAISE(ABORT, 'coledger: checkpoints are append-only'); END;
                CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
                BEGIN SELECT RAISE(ABORT, 'coledger: checkpoints are append-only'); END;
                """)
        }
        m.registerMigration("v2-private") { db in
            try db.execute(sql: """
                -- Personal data lives outside the log: one random key per subject, and each entry's
                -- private object (with its salt) encrypted under that key. Erasing a subject
                -- deletes both; the log keeps only the salted commitment.
                CREATE TABLE subject_keys (
                    subject TEXT PRIMARY KEY,
                    key BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE private_objects (
                    idx INTEGER PRIMARY KEY,
                    subject TEXT NOT NULL,
                    nonce BLOB NOT NULL,
                    ciphertext BLOB NOT NULL
                );
                CREATE INDEX private_objects_by_subject ON private_objects(subject);
                CREATE TABLE erased_subjects (
                    subject TEXT PRIMARY KEY,
                    erased_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v3-facts") { db in
            try db.execute(sql: """
                -- Facts the admission policy established from the log so far (derived: a verifier
                -- rebuilds them by replaying the log). Updated in each append's transaction.
                CREATE TABLE facts (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v4-cosignatures") { db in
            try db.execute(sql: """
                -- Witness cosignature lines (c2sp.org/tlog-cosignature) attached to a checkpoint.
                CREATE TABLE cosignatures (
                    size INTEGER NOT NULL REFERENCES checkpoints(size),
                    line TEXT NOT NULL,
                    PRIMARY KEY (size, line)
                ) WITHOUT ROWID;
                """)
        }
        return m
    }
}
