-- An organization has at most one owner (avara-v1.md §6.0 item 24). The operator's make-owner checked it by reading,
-- which two replicas naming two owners at once could both pass; the index makes the second one fail and run again.
CREATE UNIQUE INDEX viewer_profiles_one_owner ON viewer_profiles (org_id) WHERE level = 'OWNER';
