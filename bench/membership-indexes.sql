-- What bench/membership.sh --compare-sql bench/membership-indexes.sql tries on the membership database:
-- a unit's current members in the list's order, so that its first page is read from the index in order
-- (LIMIT 50) and its count is an index-only scan of that unit's entries.
CREATE INDEX IF NOT EXISTS ix_members_current_by_unit_and_name ON members (unit_id, full_name_folded, date_of_birth, id)
    WHERE status IN ('Active', 'InTransfer');
