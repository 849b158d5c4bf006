CREATE TABLE "projection_checkpoints" (
    "projection"       TEXT NOT NULL,
    "commit_position"  DECIMAL(20, 0) NOT NULL,
    "prepare_position" DECIMAL(20, 0) NOT NULL,
    "updated_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("projection")
);

CREATE TABLE "community_counts" (
    "community" TEXT NOT NULL,
    "residents" INTEGER NOT NULL,
    CONSTRAINT "community_counts_pkey" PRIMARY KEY ("community")
);
