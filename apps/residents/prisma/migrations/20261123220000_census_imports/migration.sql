-- Census imports ("finding out the bottom line"): progress and refused rows of each run.
-- Operational records of the import job, not a projection: the residents it registers are
-- events; these rows say how far a run got and which rows it refused, and why.
CREATE TABLE "census_imports" (
    "import_id"          UUID NOT NULL,
    "file_name"          TEXT NOT NULL,
    "status"             TEXT NOT NULL,
    "rows_read"          INTEGER NOT NULL DEFAULT 0,
    "registered"         INTEGER NOT NULL DEFAULT 0,
    "already_registered" INTEGER NOT NULL DEFAULT 0,
    "refused"            INTEGER NOT NULL DEFAULT 0,
    "error_report_path"  TEXT NOT NULL,
    "failure"            TEXT,
    "started_by"         TEXT NOT NULL,
    "started_at"         TIMESTAMPTZ(6) NOT NULL,
    "finished_at"        TIMESTAMPTZ(6),
    CONSTRAINT "census_imports_pkey" PRIMARY KEY ("import_id")
);

CREATE TABLE "census_import_errors" (
    "import_id" UUID NOT NULL,
    "row"       INTEGER NOT NULL,
    "field"     TEXT NOT NULL,
    "reason"    TEXT NOT NULL,
    CONSTRAINT "census_import_errors_pkey" PRIMARY KEY ("import_id", "row", "field")
);
