-- The event log. One row per event; a stream is the set of rows sharing stream_id.
--
-- Ordering of the global log is (transaction_id, global_position): readers only see rows
-- whose transaction id is below the oldest transaction still running, so a transaction
-- that commits late can never slip in behind a reader's checkpoint.
-- See docs/adr/0003-event-store-schema-and-ordering.md.
CREATE TABLE "events" (
    "global_position" BIGINT GENERATED ALWAYS AS IDENTITY,
    "transaction_id"  XID8 NOT NULL DEFAULT pg_current_xact_id(),
    "stream_id"       TEXT NOT NULL,
    "stream_revision" BIGINT NOT NULL,
    "event_id"        UUID NOT NULL,
    "event_type"      TEXT NOT NULL,
    "schema_version"  INTEGER NOT NULL,
    "data"            JSONB NOT NULL,
    "metadata"        JSONB NOT NULL,
    "recorded_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    -- The revision check: two writers racing for the same revision cannot both commit.
    CONSTRAINT "events_pkey" PRIMARY KEY ("stream_id", "stream_revision"),
    CONSTRAINT "events_stream_revision_check" CHECK ("stream_revision" >= 0)
);

-- Idempotency: the same event id is recorded at most once per stream.
CREATE UNIQUE INDEX "events_stream_id_event_id_key" ON "events" ("stream_id", "event_id");

-- The global log's read order.
CREATE INDEX "events_log_order_idx" ON "events" ("transaction_id", "global_position");
