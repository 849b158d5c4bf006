-- Hash chains per stream (docs/adr/0010-event-hash-chains.md).
--
-- `hash` is the stream's chain at the event: sha256(previous event's hash || content hash), hex.
-- The adapter writes it with every event. Rows recorded before this migration keep NULL ("unchained"):
-- their content hash is canonical JSON hashed in Node, which SQL cannot reproduce byte for byte, so
-- they are not backfilled here. The CHECK is NOT VALID: it holds for every row written from now on,
-- and leaves the old ones as they are.
ALTER TABLE "events" ADD COLUMN "hash" TEXT;
ALTER TABLE "events" ADD CONSTRAINT "events_hash_check" CHECK ("hash" IS NOT NULL AND "hash" ~ '^[0-9a-f]{64}$') NOT VALID;

-- Each stream's last revision and hash, moved forwards by the same statement that appends. Without
-- it, deleting a stream's last events (or the whole stream) leaves a chain that still verifies.
CREATE TABLE "stream_heads" (
    "stream_id" TEXT NOT NULL,
    "revision"  BIGINT NOT NULL,
    "hash"      TEXT,

    CONSTRAINT "stream_heads_pkey" PRIMARY KEY ("stream_id")
);

-- Heads for the streams already recorded: their last revision, and no hash (they are unchained).
INSERT INTO "stream_heads" ("stream_id", "revision", "hash")
SELECT "stream_id", max("stream_revision"), NULL FROM "events" GROUP BY "stream_id";
