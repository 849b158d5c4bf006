-- Where a resident lives, down to their district and street (projection resident-facts, from the
-- jurisdiction ResidentRegistered and ResidentMoved carry), so district- and street-level
-- jurisdictions can be checked against what the referrals service knows of residents.
-- Null in rows projected before this migration, until the resident moves or the projection is
-- rebuilt from the log; such a resident is not known to be in any district or street.
ALTER TABLE "resident_facts" ADD COLUMN "district_id" TEXT;
ALTER TABLE "resident_facts" ADD COLUMN "street_id"   TEXT;
