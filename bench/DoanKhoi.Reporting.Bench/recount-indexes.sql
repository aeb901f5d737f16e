-- Reporting counts a unit again from its facts for every batch of events that touches it
-- (BoardCounter.FactsAsync). The heaviest of its statements joins the unit's attended participations to
-- their activities: through ix_participation_records_unit_id_activity_id it reads each participation's row
-- from the table, where they lie scattered as the year's events arrived. This index holds what that
-- statement reads of them (attended, not withdrawn), for an index-only scan.
CREATE INDEX ix_participation_records_unit_id_attended ON participation_records (unit_id) INCLUDE (activity_id, member_id)
    WHERE attendance = 'Attended' AND NOT withdrawn;
